using System.Text.Json.Serialization;

namespace AfterSales.Bench.Scenarios;

/// <summary>A target from the issues, what was measured against it, and whether it was met.</summary>
/// <param name="Id">Stable key of the target (e.g. <c>peak-pull</c>): the status table in RESULTS.md shows the last run
/// that measured each one.</param>
/// <param name="Name">A short name for the summary table, e.g. <c>fairness ±10 %</c>.</param>
/// <param name="RecordOnly">The target asks for a number to be recorded, not reached (e.g. the durable writes a case
/// costs): shown as <c>recorded</c> instead of met or missed.</param>
internal sealed record TargetCheck(string Id, string Name, string Target, string Measured, bool Met, bool RecordOnly = false)
{
    /// <summary><c>yes</c>, <c>**no**</c> or <c>recorded</c>.</summary>
    [JsonIgnore]
    public string Verdict => RecordOnly ? "recorded" : Met ? "yes" : "**no**";
}
