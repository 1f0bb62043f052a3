using AfterSales.Domain.Readings;

namespace AfterSales.Tests.Unit.Domain.Readings;

public sealed class UsageThresholdsTests
{
    [Theory]
    [InlineData(4990, 5010, 5000)]
    [InlineData(4999, 5000, 5000)]
    [InlineData(4900, 15100, 15000)]
    public void TheHighestThresholdPassedIsTheOccurrence(double before, double after, double expected) =>
        Assert.Equal(expected, UsageThresholds.Crossed(before, after, 5000));

    [Theory]
    [InlineData(5000, 5010)]
    [InlineData(10, 4999)]
    [InlineData(10, 10)]
    public void NoThresholdBetweenTheTotalsIsNoOccurrence(double before, double after) =>
        Assert.Null(UsageThresholds.Crossed(before, after, 5000));

    [Fact]
    public void ThePeriodNamesTheMeterAndTheThreshold() =>
        Assert.Equal("operatingHours@5000", UsageThresholds.Period("operatingHours", 5000));
}
