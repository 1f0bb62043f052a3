using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Persistence;

/// <summary>The data of a journal event that may move an entity from one status to another: a small JSON object
/// (<c>{"from":"new","to":"assigned","details":"…"}</c>, nulls left out), readable by any consumer of the journal
/// without this assembly. Cases and devices keep their events this way.</summary>
internal static class StatusChangeData
{
    public static string Serialize(string? from, string? to, string? details) =>
        JsonSerializer.Serialize(new Payload(from, to, details), StatusChangeJson.Default.Payload);

    public static Payload Deserialize(string data) =>
        JsonSerializer.Deserialize(data, StatusChangeJson.Default.Payload) ?? new Payload(null, null, null);

    internal sealed record Payload(string? From, string? To, string? Details);
}

/// <summary>Source-generated JSON for <see cref="StatusChangeData"/>: camelCase names, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusChangeData.Payload))]
internal sealed partial class StatusChangeJson : JsonSerializerContext;
