namespace AfterSales.Bench.Scenarios;

/// <summary>A target from the issues, what was measured against it, and whether it was met.</summary>
/// <param name="Name">A short name for the summary table, e.g. <c>fairness ±10 %</c>.</param>
internal sealed record TargetCheck(string Name, string Target, string Measured, bool Met);
