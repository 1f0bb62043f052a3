using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class PeakIntakeVerdictTests
{
    [Fact]
    public void IntakeThatKeptItsEmptyQueueCostMeetsTheTarget()
    {
        var verdict = PeakIntakeVerdict.Evaluate([Window(1, 1_000, 100, 10), Window(2, 1_000, 80, 14)], queueTarget: 2_000, limit: 1.5);

        Assert.Equal((1.25, 1.4), (verdict.RateRatio, verdict.P99Ratio));
        Assert.True(verdict.Met);
    }

    [Fact]
    public void ALongerQueueThatHalvesTheRateMissesItEvenWithAGoodP99()
    {
        var verdict = PeakIntakeVerdict.Evaluate([Window(1, 1_000, 120, 10), Window(2, 1_000, 60, 10)], queueTarget: 2_000, limit: 1.5);

        Assert.Equal(2.0, verdict.RateRatio);
        Assert.False(verdict.Met);
    }

    [Fact]
    public void AQueueThatNeverReachedItsTargetMissesIt()
    {
        var verdict = PeakIntakeVerdict.Evaluate([Window(1, 1_000, 100, 10), Window(2, 1_000, 100, 10), Window(3, 400, 100, 10)],
            queueTarget: 50_000, limit: 1.5);

        Assert.Equal((2_400L, 1.0), (verdict.Queued, verdict.RateRatio));
        Assert.False(verdict.ReachedTarget);
        Assert.False(verdict.Met);
    }

    [Fact]
    public void TheLongestQueueIsTheLastFullWindowAndTheWorstIsNamedApart()
    {
        WindowStats[] windows = [Window(1, 10, 100, 10, size: 10), Window(2, 10, 40, 30, size: 10), Window(3, 10, 90, 11, size: 10), Window(4, 3, 10, 99, size: 10)];

        var verdict = PeakIntakeVerdict.Evaluate(windows, queueTarget: 30, limit: 1.5);

        Assert.Equal(21, verdict.AtLongest!.From);
        Assert.Equal(11, verdict.Worst!.From);
        Assert.True(verdict.Met);
    }

    [Fact]
    public void FewerThanTwoFullWindowsGiveNoVerdict()
    {
        var verdict = PeakIntakeVerdict.Evaluate([Window(1, 1_000, 100, 10)], queueTarget: 1_000, limit: 1.5);

        Assert.Null(verdict.AtLongest);
        Assert.False(verdict.Met);
    }

    [Fact]
    public void HighlightsShowTheFirstTheMilestonesTheWorstAndTheLast()
    {
        var windows = Enumerable.Range(1, 10).Select(i => Window(i, 1_000, 100, 10)).ToList();

        var shown = PeakIntakeVerdict.Highlights(windows, [3_000, 7_000, 25_000], worst: windows[4]);

        Assert.Equal([1L, 3_001, 4_001, 7_001, 9_001], shown.Select(w => w.From));
    }

    private static WindowStats Window(int index, int count, double perSecond, double p99Ms, int size = 1_000) =>
        new((index - 1L) * size + 1, (index - 1L) * size + count, count, perSecond,
            P50Ns: (long)(p99Ms * 500_000), P99Ns: (long)(p99Ms * 1_000_000), Full: count == size);
}
