using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class LatencyRatioTests
{
    [Fact]
    public void BothTheMedianAndTheP99MustStayWithinTheLimit()
    {
        var p50Fine = new LatencyRatio(SubjectP50Ns: 14, SubjectP99Ns: 16, BaselineP50Ns: 10, BaselineP99Ns: 10, Limit: 1.5);

        Assert.Equal((1.4, 1.6), (p50Fine.P50Ratio, p50Fine.P99Ratio));
        Assert.False(p50Fine.Met);
        Assert.True((p50Fine with { SubjectP99Ns = 15 }).Met);
    }

    [Fact]
    public void WithoutABaselineNothingIsMet()
    {
        var subject = new LatencyHistogram();
        subject.Record(1_000);

        var ratio = LatencyRatio.Of(subject, new LatencyHistogram(), limit: 1.5);

        Assert.False(ratio.Met);
        Assert.Equal(double.PositiveInfinity, LatencyRatio.Ratio(5, 0));
    }

    [Fact]
    public void RatiosComeFromTheRecordedPercentiles()
    {
        var heavy = new LatencyHistogram();
        var fresh = new LatencyHistogram();
        for (var i = 1; i <= 100; i++)
        {
            heavy.Record(i * 2);
            fresh.Record(i);
        }

        var ratio = LatencyRatio.Of(heavy, fresh, limit: 1.5);

        Assert.Equal((2.0, 2.0), (ratio.P50Ratio, ratio.P99Ratio));
        Assert.False(ratio.Met);
    }
}
