using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Domain.CaseList;

/// <summary>What the case list needs to know about a case, as of one write: carried by the last event of every case
/// write (<c>"facts"</c> in the event's data), so the list can be rebuilt from the journal alone. Enum values are their
/// camelCase names, the department its slug. Nulls are left out of the JSON: a missing <see cref="AssigneeId"/> or
/// <see cref="ResolvedAt"/> means none; a missing <see cref="Description"/> means unchanged (it is only written by the
/// write that opens the case, being up to 4,000 characters).</summary>
internal sealed record CaseFacts(
    string Type,
    string Priority,
    string Channel,
    string Status,
    string? CustomerId,
    string? DeviceSerial,
    string Subject,
    string? Description,
    string Department,
    string Region,
    string? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? Sla = null);

/// <summary>The data of a case event: the status change every consumer reads (<c>from</c>, <c>to</c>, <c>details</c>),
/// plus the <see cref="CaseFacts"/> on the last event of a write.</summary>
internal sealed record CaseEventPayload(string? From, string? To, string? Details, CaseFacts? Facts = null)
{
    public string Serialize() => JsonSerializer.Serialize(this, CaseEventJson.Default.CaseEventPayload);

    /// <summary>Reads any case event's data, old (no facts) or new; unknown members are ignored.</summary>
    public static CaseEventPayload Deserialize(string data) =>
        JsonSerializer.Deserialize(data, CaseEventJson.Default.CaseEventPayload) ?? new CaseEventPayload(null, null, null);
}

/// <summary>Source-generated JSON for <see cref="CaseEventPayload"/>: camelCase names, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaseEventPayload))]
internal sealed partial class CaseEventJson : JsonSerializerContext;
