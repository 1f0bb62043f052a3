namespace AfterSales.Bench.Scenarios;

/// <summary>What a scenario reports beyond latency and throughput (e.g. fairness), as report lines and target checks.</summary>
internal sealed record ScenarioFindings(IReadOnlyList<string> Lines, IReadOnlyList<TargetCheck> Checks)
{
    public static ScenarioFindings None { get; } = new([], []);
}
