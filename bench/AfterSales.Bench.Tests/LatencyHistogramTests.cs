using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void PercentilesAreNeverBelowTheExactValueAndAtMostOnePartIn128Above()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(random.NextDouble() * 22)).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }
        Array.Sort(values);

        foreach (var percentile in new[] { 1d, 50, 90, 99, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            var reported = histogram.ValueAtPercentile(percentile);
            Assert.InRange(reported, exact, exact + Math.Max(1, exact / 128));
        }
    }

    [Fact]
    public void TheHundredthPercentileIsTheExactMaximum()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_234_567);
        histogram.Record(5);

        Assert.Equal(1_234_567, histogram.ValueAtPercentile(100));
        Assert.Equal(1_234_567, histogram.Max);
        Assert.Equal(5, histogram.Min);
        Assert.Equal(2, histogram.Count);
    }

    [Fact]
    public void SmallValuesAreExact()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 200; i++)
        {
            histogram.Record(i);
        }

        Assert.Equal(100, histogram.ValueAtPercentile(50));
        Assert.Equal(198, histogram.ValueAtPercentile(99));
    }

    [Fact]
    public void BucketsCoverEveryValueContiguously()
    {
        for (var index = 1; index < 7_000; index++)
        {
            var previousTop = LatencyHistogram.HighestEquivalent(index - 1);
            Assert.Equal(index, LatencyHistogram.IndexOf(previousTop + 1));
            Assert.Equal(index, LatencyHistogram.IndexOf(LatencyHistogram.HighestEquivalent(index)));
        }
    }

    [Fact]
    public void AnEmptyHistogramReportsZero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.Min);
    }
}
