using AfterSales.Bench.Scenarios;

namespace AfterSales.Bench.Reporting;

/// <summary>A target from the issues: a stable id, a short name and what it asks for.</summary>
/// <param name="RecordOnly">The target asks for a number to be recorded, not reached.</param>
internal sealed record TargetDefinition(string Id, string Name, string Text, bool RecordOnly = false)
{
    /// <summary>This target checked against one run.</summary>
    public TargetCheck Check(string measured, bool met) => new(Id, Name, Text, measured, met, RecordOnly);
}
