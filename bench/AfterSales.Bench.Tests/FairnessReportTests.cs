using AfterSales.Bench.Scenarios;

namespace AfterSales.Bench.Tests;

public sealed class FairnessReportTests
{
    [Fact]
    public void DeviationIsMeasuredAgainstTheMeanOfTheTechniciansOwnPool()
    {
        // Pool a averages 10 (one at 12: +20 %); pool b averages 100 with everyone equal.
        TechnicianLoad[] loads =
        [
            new("a1", "a", 12), new("a2", "a", 9), new("a3", "a", 9),
            new("b1", "b", 100), new("b2", "b", 100),
        ];

        var report = FairnessReport.Compute(loads, tolerance: 0.10);

        Assert.Equal(0.2, report.MaxDeviation, precision: 6);
        Assert.Equal("a1", report.WorstTechnician);
        Assert.Equal(1, report.Outside);
        Assert.Equal(2, report.Pools);
        Assert.False(report.Met);
    }

    [Fact]
    public void EqualLoadsMeetTheTarget()
    {
        var report = FairnessReport.Compute([new("a1", "a", 7), new("a2", "a", 7)], tolerance: 0.10);

        Assert.True(report.Met);
        Assert.Equal(0, report.MaxDeviation);
    }

    [Fact]
    public void PoolsThatReceivedNoWorkAreLeftOut()
    {
        var report = FairnessReport.Compute([new("a1", "a", 0), new("b1", "b", 4), new("b2", "b", 4)], tolerance: 0.10);

        Assert.Equal(1, report.Pools);
        Assert.True(report.Met);
    }

    [Fact]
    public void NoVerdictIsGivenBelowTheMinimumPoolMean()
    {
        // 30 against 40 units is 14 % off the mean, but at a mean of 35 units that is two or three cases.
        TechnicianLoad[] loads = [new("a1", "a", 30), new("a2", "a", 40), new("b1", "b", 200), new("b2", "b", 200)];

        var report = FairnessReport.Compute(loads, tolerance: 0.10, minMeanLoad: 100);

        Assert.Equal(35, report.MinPoolMean);
        Assert.False(report.Judged);
        Assert.False(report.Met);
        Assert.Equal(2, report.Outside);
    }

    [Fact]
    public void AtTheMinimumPoolMeanTheVerdictStands()
    {
        var report = FairnessReport.Compute([new("a1", "a", 95), new("a2", "a", 105)], tolerance: 0.10, minMeanLoad: 100);

        Assert.True(report.Judged);
        Assert.True(report.Met);
    }
}
