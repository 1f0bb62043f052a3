using System.Diagnostics;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class TargetChecksTests
{
    [Fact]
    public void AnOpenLoopAtFiveHundredPerSecondIsCheckedAgainstTheFiftyMillisecondP99()
    {
        var options = OptionsParser.Parse(["--scenario", "intake", "--rate", "500"]).Options!;

        var check = Assert.Single(TargetChecks.Evaluate(options, Stats(500, latencyMs: 20), ceilingRatio: null));

        Assert.Equal(("intake-p99", true), (check.Id, check.Met));
        Assert.False(Assert.Single(TargetChecks.Evaluate(options, Stats(500, latencyMs: 60), ceilingRatio: null)).Met);
    }

    [Fact]
    public void TheSupersededRateOfTwoHundredFiftyIsNotCheckedAnyMore()
    {
        var options = OptionsParser.Parse(["--scenario", "intake", "--rate", "250"]).Options!;

        Assert.Empty(TargetChecks.Evaluate(options, Stats(250, latencyMs: 5), ceilingRatio: null));
    }

    [Fact]
    public void AClosedLoopIntakeNeedsFifteenHundredCreationsPerSecond()
    {
        var options = OptionsParser.Parse(["--scenario", "intake"]).Options!;

        Assert.False(Assert.Single(TargetChecks.Evaluate(options, Stats(1_200, latencyMs: 5), ceilingRatio: null)).Met);
        Assert.True(Assert.Single(TargetChecks.Evaluate(options, Stats(1_600, latencyMs: 5), ceilingRatio: null)).Met);
    }

    [Fact]
    public void AnInProcessIntakeRecordsItsWritesPerCase()
    {
        var options = OptionsParser.Parse(["--mode", "inproc", "--scenario", "intake"]).Options!;
        var counts = new GrainStorageCounts();
        for (var i = 0; i < 10; i++)
        {
            counts.Wrote("case", 0, 2);
            counts.Wrote("technician", 1, 0);
        }

        var check = Assert.Single(TargetChecks.Evaluate(options, Stats(10, latencyMs: 1), null, counts.Snapshot(), "created case"));

        Assert.Equal(("writes-per-case", true, "recorded"), (check.Id, check.RecordOnly, check.Verdict));
        Assert.StartsWith("2.00 grain-state writes per created case: case 1.00, technician 1.00 (durable storage", check.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionsAreOnlyCheckedWhenNothingIsReleased()
    {
        var released = OptionsParser.Parse(["--mode", "inproc", "--scenario", "routing", "--decisions-only", "--release-assigned"]).Options!;
        var kept = OptionsParser.Parse(["--mode", "inproc", "--scenario", "routing", "--decisions-only"]).Options!;

        Assert.Empty(TargetChecks.Evaluate(released, Stats(30_000, latencyMs: 1), ceilingRatio: null));
        Assert.Equal("decisions", Assert.Single(TargetChecks.Evaluate(kept, Stats(30_000, latencyMs: 1), ceilingRatio: null)).Id);
    }

    /// <summary><paramref name="count"/> operations in one second, each taking <paramref name="latencyMs"/>.</summary>
    private static RunStats Stats(int count, double latencyMs)
    {
        var stats = new RunStats(["create case"]) { Elapsed = TimeSpan.FromSeconds(1) };
        var ticks = (long)(latencyMs / 1000 * Stopwatch.Frequency);
        for (var i = 0; i < count; i++)
        {
            stats.Succeed(Stopwatch.GetTimestamp() - ticks, "assigned");
        }
        return stats;
    }
}
