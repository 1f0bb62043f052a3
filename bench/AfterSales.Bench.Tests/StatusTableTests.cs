using AfterSales.Bench.Reporting;
using AfterSales.Bench.Scenarios;

namespace AfterSales.Bench.Tests;

public sealed class StatusTableTests
{
    private static readonly TargetDefinition Rate = new("rate", "rate", "≥ 1,500/s");
    private static readonly TargetDefinition Writes = new("writes", "writes", "writes per case", RecordOnly: true);

    [Fact]
    public void EachTargetShowsTheLastRunThatCheckedItWithThatRunsCeilingAndLoad()
    {
        RunRecord[] runs =
        [
            Run(2, ceiling: 30_000, Rate.Check("1,600/s", met: true)),
            Run(1, ceiling: 20_000, Rate.Check("900/s", met: false)),
            Run(3, ceiling: null),
        ];

        var table = StatusTable.Render(runs, [Rate]);

        var row = Assert.Single(table.Split('\n'), l => l.StartsWith("| ≥ 1,500/s", StringComparison.Ordinal));
        Assert.Equal("| ≥ 1,500/s | 1,600/s | yes | 2026-01-02 10:00 | 1.50 → 2.50 | 30,000 req/s | `--scenario intake` |", row);
    }

    [Fact]
    public void ATargetNoRunCheckedSaysSo()
    {
        var table = StatusTable.Render([], [Rate]);

        Assert.Contains("| ≥ 1,500/s | not measured yet | – |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordedNumberIsNeitherMetNorMissedAndAnInProcessRunHasNoCeiling()
    {
        var table = StatusTable.Render([Run(1, ceiling: null, Writes.Check("3.0 | per case", met: true))], [Writes]);

        Assert.Contains("| 3.0 \\| per case | recorded |", table, StringComparison.Ordinal);
        Assert.Contains("| – (in-process) |", table, StringComparison.Ordinal);
    }

    private static RunRecord Run(int day, double? ceiling, params TargetCheck[] checks) => new()
    {
        Date = ResultsFileTests.At(day),
        Command = "dotnet run -c Release --project bench/AfterSales.Bench -- --scenario intake",
        CeilingRequestsPerSecond = ceiling,
        LoadAverageBefore = 1.5,
        LoadAverageAfter = 2.5,
        Checks = checks,
    };
}
