using AfterSales.Domain.Problems;

namespace AfterSales.Tests.Unit.Domain.Problems;

public sealed class FaultClusteringTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly ClusterRule Rule = new(TimeSpan.FromDays(7), Threshold: 5, RangeWidth: 1000);

    private static int _cases;

    private static FaultSighting Fault(string serial, DateTimeOffset? at = null) =>
        new($"AS-2026-{Interlocked.Increment(ref _cases):D6}", Parse(serial), at ?? Now);

    private static FaultSighting[] Faults(params long[] numbers) => [.. numbers.Select(n => Fault($"HX200-{n:D6}"))];

    [Fact]
    public void ThresholdFaultsInOneRangeMakeACluster()
    {
        var faults = Faults(1000, 1100, 1200, 1300, 1400);

        var cluster = FaultClustering.ClusterOf(faults, faults[^1], Rule, Now);

        Assert.NotNull(cluster);
        Assert.Equal(faults.Select(f => f.CaseNumber), cluster.Faults.Select(f => f.CaseNumber));
        Assert.Equal(("HX200-001000", "HX200-001400"), (cluster.Lowest.Text, cluster.Highest.Text));
    }

    [Fact]
    public void OneFaultBelowTheThresholdIsNoCluster()
    {
        var faults = Faults(1000, 1100, 1200, 1300);

        Assert.Null(FaultClustering.ClusterOf(faults, faults[^1], Rule, Now));
    }

    [Fact]
    public void NumbersOneWidthMinusOneApartShareARangeAndOneWidthApartDoNot()
    {
        var within = Faults(1000, 1500, 1500, 1500, 1999);
        var beyond = Faults(1000, 1500, 1500, 1500, 2000);

        Assert.Equal(5, FaultClustering.ClusterOf(within, within[^1], Rule, Now)?.Count);
        Assert.Null(FaultClustering.ClusterOf(beyond, beyond[^1], Rule, Now));
    }

    [Fact]
    public void AFaultExactlyOneWindowOldCountsAndOneTickOlderDoesNot()
    {
        var old = Fault("HX200-001000", Now - Rule.Window);
        var tooOld = Fault("HX200-001000", Now - Rule.Window - TimeSpan.FromTicks(1));
        var recent = Faults(1001, 1002, 1003, 1004);

        Assert.Equal(5, FaultClustering.ClusterOf([old, .. recent], recent[^1], Rule, Now)?.Count);
        Assert.Null(FaultClustering.ClusterOf([tooOld, .. recent], recent[^1], Rule, Now));
    }

    [Fact]
    public void ANewestFaultOutsideTheWindowMakesNoCluster()
    {
        var recent = Faults(1001, 1002, 1003, 1004);
        var late = Fault("HX200-001005", Now - Rule.Window - TimeSpan.FromSeconds(1));

        Assert.Null(FaultClustering.ClusterOf([.. recent, late], late, Rule, Now));
    }

    [Fact]
    public void OnlySerialsOfTheSamePrefixShareARange()
    {
        var faults = Faults(1000, 1001, 1002, 1003);
        var otherSeries = Fault("HX201-001004");
        var sameSeriesOtherCase = Fault("hx200-001004");

        Assert.Null(FaultClustering.ClusterOf([.. faults, otherSeries], otherSeries, Rule, Now));
        Assert.Equal(5, FaultClustering.ClusterOf([.. faults, sameSeriesOtherCase], sameSeriesOtherCase, Rule, Now)?.Count);
    }

    [Fact]
    public void TheClusterIsTheFullestRangeAroundTheNewestFault()
    {
        // Ranges around 5000: from 4001 it holds three faults, from 5000 five.
        var faults = Faults(4001, 4002, 5500, 5600, 5700, 5999, 6000);
        var newest = Fault("HX200-005000");

        var cluster = FaultClustering.ClusterOf([.. faults, newest], newest, Rule, Now);

        Assert.NotNull(cluster);
        Assert.Equal([5000, 5500, 5600, 5700, 5999], cluster.Faults.Select(f => f.Serial.Number));
    }

    [Fact]
    public void BetweenTwoEqualRangesTheLowerWins()
    {
        var faults = Faults(0, 1, 2, 1000, 1001, 1002);
        var newest = Fault("HX200-000999");

        var cluster = FaultClustering.ClusterOf([.. faults, newest], newest, Rule with { Threshold = 4 }, Now);

        Assert.Equal([0, 1, 2, 999], cluster?.Faults.Select(f => f.Serial.Number));
    }

    [Fact]
    public void TheSameCaseReportedTwiceCountsOnce()
    {
        var faults = Faults(1000, 1001, 1002, 1003);

        Assert.Null(FaultClustering.ClusterOf([.. faults, faults[^1]], faults[^1], Rule, Now));
    }

    [Fact]
    public void AProblemAdmitsASerialOfItsSeriesWhileTheWidenedRangeFitsTheWidth()
    {
        var (lowest, highest) = (Parse("HX200-001200"), Parse("HX200-001500"));

        Assert.True(FaultClustering.Admits(lowest, highest, Parse("HX200-000501"), Rule));
        Assert.False(FaultClustering.Admits(lowest, highest, Parse("HX200-000500"), Rule));
        Assert.True(FaultClustering.Admits(lowest, highest, Parse("HX200-002199"), Rule));
        Assert.False(FaultClustering.Admits(lowest, highest, Parse("HX200-002200"), Rule));
        Assert.False(FaultClustering.Admits(lowest, highest, Parse("HX201-001300"), Rule));
    }

    private static SerialNumber Parse(string serial)
    {
        Assert.True(SerialNumber.TryParse(serial, out var parsed));
        return parsed;
    }
}
