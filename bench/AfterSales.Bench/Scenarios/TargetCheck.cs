namespace AfterSales.Bench.Scenarios;

/// <summary>A target from the issues, what was measured against it, and whether it was met.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
