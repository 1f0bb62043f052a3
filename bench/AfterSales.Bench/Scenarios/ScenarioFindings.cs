namespace AfterSales.Bench.Scenarios;

/// <summary>What a scenario reports beyond latency and throughput (e.g. fairness), as report lines and target checks.</summary>
internal sealed record ScenarioFindings(IReadOnlyList<string> Lines, IReadOnlyList<TargetCheck> Checks)
{
    public static ScenarioFindings None { get; } = new([], []);

    /// <summary>Key numbers by name (e.g. <c>pull.p99Ms</c>), recorded in the run log.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>A Markdown block printed after the lines (e.g. a table per window), or null.</summary>
    public string? Detail { get; init; }
}
