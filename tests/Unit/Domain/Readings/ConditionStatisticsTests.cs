using AfterSales.Domain.Readings;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Tests.Unit.Domain.Readings;

public sealed class ConditionStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static MeterSample[] Hourly(params double[] values) => [.. values.Select((v, i) => new MeterSample(T0.AddHours(i), v))];

    [Fact]
    public void StatisticsCoverOnlyTheNewestWindowOfReadings()
    {
        var recent = Hourly(100, 10, 20, 60);

        Assert.Equal(60, ConditionStatistics.Compute(ConditionStatistic.Last, 3, recent));
        Assert.Equal(30, ConditionStatistics.Compute(ConditionStatistic.Mean, 3, recent));
        Assert.Equal(60, ConditionStatistics.Compute(ConditionStatistic.Max, 3, recent));
        Assert.Equal(25, ConditionStatistics.Compute(ConditionStatistic.RateOfChange, 3, recent));
    }

    [Fact]
    public void NothingIsJudgedUntilTheWindowIsFull()
    {
        Assert.Null(ConditionStatistics.Compute(ConditionStatistic.Mean, 3, Hourly(95, 96)));
        Assert.Null(ConditionStatistics.Compute(ConditionStatistic.RateOfChange, 1, Hourly(95, 96)));
    }

    [Fact]
    public void ComparisonsAreStrict()
    {
        Assert.False(ConditionStatistics.Holds(ConditionComparison.Above, 90, 90));
        Assert.True(ConditionStatistics.Holds(ConditionComparison.Above, 90.1, 90));
        Assert.True(ConditionStatistics.Holds(ConditionComparison.Below, 1, 2));
    }

    [Fact]
    public void EvidenceNamesTheRuleTheStatisticAndTheWindowsValues()
    {
        var rule = new ConditionRule("overheat", "bearingTemp", ConditionStatistic.Mean, 3, ConditionComparison.Above, 90, 2);

        var evidence = ConditionEvidence.Of(rule, "°C", 93, Hourly(50, 90, 92, 97));

        Assert.StartsWith("rule overheat: mean of bearingTemp over the last 3 readings is 93 °C, above 90 °C for 2 readings in a row; values 90, 92, 97 from", evidence, StringComparison.Ordinal);
    }
}
