using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Domain;
using AfterSales.Persistence;

namespace AfterSales.Cases;

/// <summary>How a case event is kept in the journal: the common columns (id, sequence, time, actor, kind) plus the
/// case-specific part as a small JSON object (<c>{"from":"new","to":"assigned","details":"…"}</c>), readable by
/// any consumer of the journal without this assembly.</summary>
internal static class CaseEventData
{
    public static JournalEvent ToJournal(CaseEvent e) =>
        new(e.EventId, e.Sequence, e.At, e.Actor, e.Action,
            JsonSerializer.Serialize(new Payload(NameOf(e.From), NameOf(e.To), e.Details), CaseEventJson.Default.Payload));

    public static CaseEvent ToCaseEvent(JournalEvent e)
    {
        var payload = JsonSerializer.Deserialize(e.Data, CaseEventJson.Default.Payload);
        return new CaseEvent(checked((int)e.Sequence), e.At, e.Actor, e.Kind, StatusOf(payload?.From), StatusOf(payload?.To), payload?.Details)
        {
            EventId = e.EventId,
        };
    }

    private static string? NameOf(CaseStatus? status) => status is { } s ? CamelNames.Of(s) : null;

    private static CaseStatus? StatusOf(string? name) => name is null ? null : Enum.Parse<CaseStatus>(name, ignoreCase: true);

    internal sealed record Payload(string? From, string? To, string? Details);
}

/// <summary>Source-generated JSON for <see cref="CaseEventData"/>: camelCase names, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaseEventData.Payload))]
internal sealed partial class CaseEventJson : JsonSerializerContext;
