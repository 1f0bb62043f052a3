using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Bench.Drivers.Http;

// Request and response shapes of the public API (camelCase JSON, enums as camelCase strings). Only the
// response fields the bench reads are declared; the API's others are ignored when reading.

internal sealed record CustomerBody(
    string Id, string Name, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string Region, string Tier, string Language);

internal sealed record SkillBody(string Name, int Level);

internal sealed record TechnicianBody(
    string Id, string Name, string Department, string Region, IReadOnlyList<SkillBody> Skills, int Capacity, bool OnShift);

internal sealed record CaseBody(
    string CustomerId, string Type, string Priority, string Channel, string Subject, string Description);

internal sealed record ResolveBody(string Summary);

internal sealed record NoteBody(string Text, string Visibility);

internal sealed record ShiftBody(bool OnShift);

internal sealed record CaseReply(string? Number, string? Status, string? AssignedTechnicianId);

internal sealed record TechnicianReply(string? Id, int Load);

internal sealed record HeldCaseReply(string? CaseNumber);

internal sealed record TechnicianAssignmentsReply(int Load, int Version, IReadOnlyList<HeldCaseReply>? Assignments);

internal sealed record HistoryReply(int LastSequence);

internal sealed record ListItemReply(string? Number);

internal sealed record ListProgressReply(long Position, long Head);

internal sealed record CaseListReply(IReadOnlyList<ListItemReply>? Items, ListProgressReply? Progress);

internal sealed record MeterBody(string Name, string Unit, string Kind);

internal sealed record ConditionRuleBody(string Id, string Meter, string Statistic, int Window, string Comparison, double Threshold);

internal sealed record MeteredModelBody(string Name, int WarrantyMonths, IReadOnlyList<MeterBody> Meters, IReadOnlyList<ConditionRuleBody> ConditionRules);

internal sealed record DeviceBody(string Serial, string Model, string CustomerId, string InstalledOn);

internal sealed record ReadingRowBody(string Serial, string Meter, double Value, DateTimeOffset At);

internal sealed record ReadingsBatchBody(IReadOnlyList<ReadingRowBody> Readings);

internal sealed record ReadingsReply(int Applied, int Stale);

internal sealed record SlaTargetBody(string Duration, string Clock);

internal sealed record SlaRuleBody(string Id, SlaTargetBody FirstResponse, SlaTargetBody NextUpdate, SlaTargetBody Resolution);

internal sealed record SlaPolicyBody(int WarningPercent, IReadOnlyList<SlaRuleBody> Rules);

internal sealed record HistoryEventReply(string? Action, DateTimeOffset At, string? Details);

internal sealed record HistoryPageReply(IReadOnlyList<HistoryEventReply>? Events);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomerBody))]
[JsonSerializable(typeof(MeteredModelBody))]
[JsonSerializable(typeof(DeviceBody))]
[JsonSerializable(typeof(ReadingsBatchBody))]
[JsonSerializable(typeof(ReadingsReply))]
[JsonSerializable(typeof(TechnicianBody))]
[JsonSerializable(typeof(CaseBody))]
[JsonSerializable(typeof(ResolveBody))]
[JsonSerializable(typeof(CaseReply))]
[JsonSerializable(typeof(TechnicianReply))]
[JsonSerializable(typeof(NoteBody))]
[JsonSerializable(typeof(ShiftBody))]
[JsonSerializable(typeof(TechnicianAssignmentsReply))]
[JsonSerializable(typeof(HistoryReply))]
[JsonSerializable(typeof(CaseListReply))]
[JsonSerializable(typeof(SlaPolicyBody))]
[JsonSerializable(typeof(HistoryPageReply))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>The API's spelling of enum values: camelCase names (<c>waitingForCustomer</c>, <c>fault</c>).</summary>
internal static class ApiNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
