using AfterSales.Domain.Webhooks;

namespace AfterSales.Tests.Unit.Domain.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), MaxAttempts: 4);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(60, 300)]
    public void TheNominalWaitDoublesWithEachFailureUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Schedule.NominalDelay(failures));

    [Fact]
    public void JitterKeepsTheWaitBetweenHalfAndAllOfTheNominalWait()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), Schedule.Delay(3, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(30), Schedule.Delay(3, 0.5));
        Assert.InRange(Schedule.Delay(3, 0.999999), TimeSpan.FromSeconds(39.99), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void RefusesJitterOutsideTheUnitInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(1, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.NominalDelay(0));
    }

    [Fact]
    public void IsExhaustedAfterMaxAttempts()
    {
        Assert.False(Schedule.IsExhausted(3));
        Assert.True(Schedule.IsExhausted(4));
    }
}
