using AfterSales.Domain.Scheduling;

namespace AfterSales.Tests.Unit.Scheduling;

public sealed class DueScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheTimerWakesForTheEarliestEntryHoweverFarAhead()
    {
        var schedule = new DueSchedule();
        schedule.Set("b", previous: null, T0.AddHours(3));
        schedule.Set("a", previous: null, T0.AddHours(2));

        Assert.Equal(T0.AddHours(2), schedule.NextWake);
        Assert.Equal(TimeSpan.FromHours(2), DueSchedule.WaitUntil(schedule.NextWake!.Value, T0));
    }

    [Fact]
    public void AFailedEntryIsLeftOutOfTheTimerAndOfTimerTicksButRetriedByReminderTicks()
    {
        var schedule = new DueSchedule();
        schedule.Set("failed", previous: null, T0);
        schedule.Set("next", previous: null, T0.AddSeconds(10));

        schedule.Failed("failed");

        Assert.Equal(T0.AddSeconds(10), schedule.NextWake);
        Assert.Equal(["next"], schedule.DueBy(T0.AddSeconds(10), retryFailed: false));
        Assert.Equal(["failed", "next"], schedule.DueBy(T0.AddSeconds(10), retryFailed: true));
    }

    [Fact]
    public void AChangeOrADeliveryMakesAFailedEntryTheTimersAgain()
    {
        var schedule = new DueSchedule();
        schedule.Set("renewed", previous: null, T0);
        schedule.Set("moved", previous: null, T0.AddSeconds(1));
        schedule.Set("delivered", previous: null, T0.AddSeconds(2));
        schedule.Failed("renewed");
        schedule.Failed("moved");
        schedule.Failed("delivered");

        schedule.Renewed("renewed");
        schedule.Set("moved", previous: T0.AddSeconds(1), T0.AddSeconds(5));
        schedule.Delivered("delivered");

        Assert.Equal(0, schedule.FailedCount);
        Assert.Equal(["renewed", "delivered", "moved"], schedule.DueBy(T0.AddSeconds(5), retryFailed: false));
    }

    [Fact]
    public void OnlyFailedEntriesLeaveTheTimerNothingToWakeFor()
    {
        var schedule = new DueSchedule();
        schedule.Set("a", previous: null, T0);
        schedule.Failed("a");

        Assert.Null(schedule.NextWake);
        Assert.True(schedule.HasFailed("a"));

        schedule.Remove("a", T0);

        Assert.Equal((0, 0), (schedule.Count, schedule.FailedCount));
        Assert.Null(schedule.NextWake);
    }

    [Theory]
    [InlineData(-90, 0)]
    [InlineData(0, 0)]
    [InlineData(0.25, 0.25)]
    [InlineData(3_600, 3_600)]
    [InlineData(200_000, 86_400)]
    public void ATimerWaitIsNeverNegativeAndAtMostADay(double secondsAhead, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DueSchedule.WaitUntil(T0.AddSeconds(secondsAhead), T0));
}
