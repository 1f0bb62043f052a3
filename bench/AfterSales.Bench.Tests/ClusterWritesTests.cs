using System.Diagnostics;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class ClusterWritesTests
{
    private const string Postgres = "Host=127.0.0.1;Port=5432;Database=aftersales;Username=postgres;Password=postgres";

    [Fact]
    public void ThePhaseIsTheDifferenceByTableAndTablesWithoutWritesAreLeftOut()
    {
        var before = Tally(("grain_state", new TableCounts(100, 400, 0)), ("membership", new TableCounts(2, 50, 0)), ("case_list", new TableCounts(10, 0, 0)));
        var after = Tally(("grain_state", new TableCounts(150, 600, 0)), ("membership", new TableCounts(2, 50, 0)), ("case_list", new TableCounts(60, 0, 5)),
            ("event_journal", new TableCounts(100, 0, 0)));

        var phase = after.Minus(before);

        Assert.Equal(["case_list", "event_journal", "grain_state"], phase.ByTable.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new TableCounts(50, 200, 0), phase.ByTable["grain_state"]);
        Assert.Equal(new TableCounts(50, 0, 5), phase.ByTable["case_list"]);
        Assert.Equal(405, phase.Writes);
    }

    [Fact]
    public void ATableWhoseCountersWentBackIsLeftOutRatherThanCountedNegative()
    {
        var before = Tally(("grain_state", new TableCounts(100, 400, 0)), ("case_list", new TableCounts(500, 0, 0)));
        var after = Tally(("grain_state", new TableCounts(110, 400, 0)), ("case_list", new TableCounts(20, 0, 0)));

        Assert.Equal(["grain_state"], after.Minus(before).ByTable.Keys);
    }

    [Fact]
    public void WritesPerCaseAreInsertsUpdatesAndDeletesOverCreatedCasesWithTheTotalFirst()
    {
        var phase = Tally(("grain_state", new TableCounts(250, 750, 0)), ("event_journal", new TableCounts(500, 0, 0)),
            ("grain_row", new TableCounts(400, 0, 100)), ("bench_upsert_abc123", new TableCounts(9_000, 90_000, 0))).Without("bench_upsert_abc123");

        var rows = phase.PerOperation(250);

        Assert.Equal([("all", 8.0), ("grain_state", 4.0), ("event_journal", 2.0), ("grain_row", 2.0)],
            rows.Select(r => (r.Table, r.WritesPerOperation)));
        Assert.Equal(new TableCounts(1_150, 750, 100), rows[0].Counts);
        Assert.Empty(phase.PerOperation(0));
    }

    [Fact]
    public void TheShareOfTheCeilingIsCasesPerSecondTimesWritesPerCaseOverUpsertsPerSecond()
    {
        // 1,000 cases in 1 s at 8 row writes each = 8,000 writes/s against 10,000 upserts/s.
        var cluster = Cluster(writes: 8_000, upsertsPerSecond: 10_000);

        Assert.Equal(8.0, cluster.WritesPerOperation(1_000));
        Assert.Equal(0.8, cluster.ShareOfCeiling(1_000, 1_000)!.Value, precision: 9);
        Assert.Null(cluster.ShareOfCeiling(1_000, 0));
        Assert.Null((cluster with { Ceiling = null }).ShareOfCeiling(1_000, 1_000));
    }

    [Fact]
    public void TheUpsertRateCountsBothHalves()
    {
        var rate = new UpsertRate(Upserts: 30_000, Elapsed: TimeSpan.FromSeconds(6), Writers: 64, PayloadBytes: 512, "before 4,000/s, after 6,000/s", 0, null);

        Assert.Equal(5_000, rate.PerSecond);
    }

    [Fact]
    public void AClosedLoopClusterRunChecksThroughputAndTheShareOfTheCeilingButNotTheEmbeddedTargets()
    {
        var options = Parse("--concurrency", "64");

        var checks = TargetChecks.Evaluate(options, Stats(1_200), ceilingRatio: 0.1, cluster: Cluster(writes: 1_200 * 9, upsertsPerSecond: 15_000));

        Assert.Equal([("cluster-intake-rate", true), ("cluster-write-ceiling", true)], checks.Select(c => (c.Id, c.Met)));
        Assert.StartsWith("72.0 %: 1,200.0 cases/s × 9.00 row writes per case = 10,800/s of 15,000 upserts/s", checks[1].Measured, StringComparison.Ordinal);
        Assert.Equal([false, false], TargetChecks.Evaluate(options, Stats(900), 0.1, cluster: Cluster(900 * 9, 15_000)).Select(c => c.Met));
    }

    [Fact]
    public void AnOpenLoopClusterRunAtFiveHundredPerSecondChecksTheHundredMillisecondP99Only()
    {
        var options = Parse("--rate", "500");

        var met = Assert.Single(TargetChecks.Evaluate(options, Stats(500, latencyMs: 80), null, cluster: Cluster(500 * 9, 15_000)));
        var missed = Assert.Single(TargetChecks.Evaluate(options, Stats(500, latencyMs: 120), null, cluster: Cluster(500 * 9, 15_000)));

        Assert.Equal(("cluster-intake-p99", true, false), (met.Id, met.Met, missed.Met));
    }

    [Fact]
    public void AClusterRunOfAnotherShapeChecksNothing()
    {
        Assert.Empty(TargetChecks.Evaluate(Parse("--rate", "250"), Stats(250), null, cluster: Cluster(250 * 9, 15_000)));
        Assert.Empty(TargetChecks.Evaluate(Parse("--concurrency", "64"), Stats(1_200), null, cluster: Cluster(1_200 * 9, 15_000) with { ActiveSilos = 3 }));
        Assert.Empty(TargetChecks.Evaluate(Parse("--concurrency", "64"), Stats(1_200), null, cluster: null));
        Assert.Empty(TargetChecks.Evaluate(Parse("--scenario", "get"), Stats(1_200), 0.9, cluster: Cluster(0, 15_000)));
    }

    [Fact]
    public void TheStatisticsHaveSettledOnlyOnceTheyStoodStillLongerThanABackendsIdleFlush()
    {
        var settling = new CounterSettling();

        Assert.False(settling.Observe(TimeSpan.FromSeconds(0), 100));
        Assert.False(settling.Observe(TimeSpan.FromSeconds(9), 100));
        // A backend idle since the load stopped flushes its last counts 10 s later: the wait starts again.
        Assert.False(settling.Observe(TimeSpan.FromSeconds(10), 140));
        Assert.False(settling.Observe(TimeSpan.FromSeconds(20), 140));
        Assert.True(settling.Observe(TimeSpan.FromSeconds(21), 140));
        Assert.Equal((true, false, TimeSpan.FromSeconds(21)), (settling.Settled, settling.GaveUp, settling.Waited));
    }

    [Fact]
    public void CountersThatKeepMovingAreGivenUpOnAtTheBound()
    {
        var settling = new CounterSettling(quiet: TimeSpan.FromSeconds(11), bound: TimeSpan.FromSeconds(60));

        var stopped = Enumerable.Range(0, 61).Select(second => settling.Observe(TimeSpan.FromSeconds(second), second)).ToList();

        Assert.Equal(60, stopped.IndexOf(true));
        Assert.Equal((false, true), (settling.Settled, settling.GaveUp));
    }

    [Fact]
    public void TheMembershipHeartbeatDoesNotKeepTheStatisticsFromSettling()
    {
        var settling = new CounterSettling(quiet: TimeSpan.FromSeconds(11));

        settling.Observe(TimeSpan.Zero, Tally(("grain_state", new TableCounts(0, 10, 0)), ("membership", new TableCounts(0, 1, 0))));
        var settled = settling.Observe(TimeSpan.FromSeconds(11), Tally(("grain_state", new TableCounts(0, 10, 0)), ("membership", new TableCounts(0, 5, 0))));

        Assert.True(settled);
    }

    private static BenchOptions Parse(params string[] extra) =>
        OptionsParser.Parse(["--mode", "http", "--url", "http://127.0.0.1:8080", "--postgres", Postgres, .. extra]).Options!;

    private static ClusterWrites Cluster(long writes, double upsertsPerSecond) => new(
        Tally(("grain_state", new TableCounts(0, writes, 0))),
        new UpsertRate((long)upsertsPerSecond * 10, TimeSpan.FromSeconds(10), 64, 512, "before, after", 0, null),
        "settled", ActiveSilos: 2);

    private static TableWriteTally Tally(params (string Table, TableCounts Counts)[] tables) =>
        new(tables.ToDictionary(t => t.Table, t => t.Counts, StringComparer.Ordinal));

    private static RunStats Stats(int count, double latencyMs = 5)
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
