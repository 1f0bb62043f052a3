using AfterSales.Domain.Calendars;
using AfterSales.Domain.Maintenance;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Maintenance;

public sealed class MaintenanceScheduleTests
{
    private static readonly DateOnly InService = new(2026, 1, 31);

    private static readonly RegionCalendar UtcDays = RegionCalendar.Utc("north");

    private static readonly RegionCalendar Shanghai = new("east", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    private static readonly RegionCalendar Berlin = new("central", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private static MaintenancePlanTemplate Plan(int days = 0) => new("p", "Plan", days, [], 60);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 1, 31, 2026, 4, 1)]   // the first occurrence is one interval after entry into service
    [InlineData(2026, 4, 1, 2026, 4, 1)]    // a due day itself is "on or after"
    [InlineData(2026, 4, 2, 2026, 5, 31)]   // one day late skips to the next whole interval
    [InlineData(2027, 1, 1, 2027, 1, 26)]
    public void ADayIntervalCountsWholeIntervalsFromEntryIntoService(int y, int m, int d, int dy, int dm, int dd)
    {
        var due = MaintenanceSchedule.NextDueDay(Plan(days: 60), InService, null, new DateOnly(y, m, d));

        Assert.Equal(new DateOnly(dy, dm, dd), due);
    }

    [Fact]
    public void TheLastVisitIsTheAnchorOnceThereIsOne()
    {
        var due = MaintenanceSchedule.NextDueDay(Plan(days: 60), InService, new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 10));

        Assert.Equal(new DateOnly(2026, 6, 9), due);
    }

    [Fact]
    public void WeeksAreSevenDays()
    {
        var due = MaintenanceSchedule.NextDueDay(Plan() with { IntervalWeeks = 2 }, InService, null, InService);

        Assert.Equal(new DateOnly(2026, 2, 14), due);
    }

    [Theory]
    [InlineData(2026, 2, 1, 2026, 2, 28)]   // 31 January + 1 month: the last day of February
    [InlineData(2026, 3, 1, 2026, 3, 31)]   // + 2 months: the 31st again, not the 28th carried on
    [InlineData(2026, 3, 31, 2026, 3, 31)]
    [InlineData(2026, 4, 1, 2026, 4, 30)]
    [InlineData(2028, 2, 1, 2028, 2, 29)]   // a leap year's February
    public void MonthsAreCalendarMonthsCountedFromTheAnchor(int y, int m, int d, int dy, int dm, int dd)
    {
        var due = MaintenanceSchedule.NextDueDay(Plan() with { IntervalMonths = 1 }, InService, null, new DateOnly(y, m, d));

        Assert.Equal(new DateOnly(dy, dm, dd), due);
    }

    [Fact]
    public void SixMonthlyVisitsSkipThePeriodsThatHavePassed()
    {
        var due = MaintenanceSchedule.NextDueDay(Plan() with { IntervalMonths = 6 }, InService, null, new DateOnly(2027, 8, 1));

        Assert.Equal(new DateOnly(2028, 1, 31), due);
    }

    [Fact]
    public void ARecurrenceRuleRunsFromEntryIntoService()
    {
        var plan = Plan() with { Recurrence = "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO" };

        Assert.Equal(new DateOnly(2026, 3, 2), MaintenanceSchedule.NextDueDay(plan, InService, null, InService));
        Assert.Equal(new DateOnly(2027, 3, 1), MaintenanceSchedule.NextDueDay(plan, InService, null, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void AUsageBasedPlanHasNoDueDay()
    {
        var plan = Plan() with { Meter = "operatingHours", UsageInterval = 500 };

        Assert.Null(MaintenanceSchedule.NextDueDay(plan, InService, null, InService));
    }

    [Fact]
    public void TheWindowRunsFromTheDueDayToTheEndOfItsLastOnTimeDay()
    {
        var window = MaintenanceSchedule.WindowOn(new DateOnly(2026, 4, 1), windowDays: 7, UtcDays);

        Assert.Equal(new DueWindow(Utc(2026, 4, 1), Utc(2026, 4, 9)), window);
        Assert.False(MaintenanceSchedule.IsOverdue(window, Utc(2026, 4, 9).AddTicks(-1)));
        Assert.True(MaintenanceSchedule.IsOverdue(window, Utc(2026, 4, 9)));
    }

    [Fact]
    public void AWindowOfNoDaysIsTheDueDayItself()
    {
        Assert.Equal(new DueWindow(Utc(2026, 4, 1), Utc(2026, 4, 2)), MaintenanceSchedule.WindowOn(new DateOnly(2026, 4, 1), 0, UtcDays));
    }

    [Fact]
    public void TheWorkOrderFiresLeadDaysBeforeTheDueDayAndThePeriodIsTheDueDay()
    {
        var due = MaintenanceSchedule.Due("SN-1", Plan(days: 30) with { LeadDays = 14 }, new DateOnly(2026, 4, 1), UtcDays);

        Assert.Equal(new MaintenanceDue("SN-1", "p", "2026-04-01", Utc(2026, 4, 1), Utc(2026, 3, 18)), due);
        Assert.Equal(new DateOnly(2026, 4, 1), MaintenanceSchedule.DayOf(due.Period));
    }

    [Fact]
    public void AUsageWindowStartsWhenTheThresholdWasCrossed()
    {
        var at = new DateTimeOffset(2026, 4, 1, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DueWindow(at, Utc(2026, 4, 4)), MaintenanceSchedule.WindowFrom(at, windowDays: 2, UtcDays));
    }

    [Fact]
    public void InARegionEastOfUtcTheDueDayStartsAtItsLocalMidnightOnThePreviousUtcDate()
    {
        var due = MaintenanceSchedule.Due("SN-1", Plan(days: 30) with { LeadDays = 1 }, new DateOnly(2026, 4, 1), Shanghai);
        var window = MaintenanceSchedule.WindowOn(new DateOnly(2026, 4, 1), 0, Shanghai);

        Assert.Equal(new MaintenanceDue("SN-1", "p", "2026-04-01", At(2026, 3, 31, 16), At(2026, 3, 30, 16)), due);
        Assert.Equal(new DueWindow(At(2026, 3, 31, 16), At(2026, 4, 1, 16)), window);
        Assert.True(MaintenanceSchedule.IsOverdue(window, At(2026, 4, 1, 16)));
    }

    [Fact]
    public void TodayIsTheRegionsLocalDateSoAMonthlyPlanOnTheFirstIsDueThereWhileUtcIsStillOnTheLastDay()
    {
        // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai.
        var now = At(2026, 3, 31, 17);
        var monthly = Plan() with { IntervalMonths = 1 };
        var inService = new DateOnly(2026, 1, 1);

        var inShanghai = MaintenanceSchedule.NextDueDay(monthly, inService, null, Shanghai.DateOf(now));
        var inUtc = MaintenanceSchedule.NextDueDay(monthly, inService, null, UtcDays.DateOf(now));

        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1)), (Shanghai.DateOf(now), inShanghai));
        Assert.Equal((new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)), (UtcDays.DateOf(now), inUtc));
        Assert.True(Shanghai.StartOf(inShanghai!.Value) <= now);
        Assert.True(UtcDays.StartOf(inUtc!.Value) > now);
    }

    [Fact]
    public void AWindowAcrossTheSpringDaylightSavingChangeEndsAtTheLocalMidnightAfterIt()
    {
        // Berlin moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026: the window is 23 hours shorter than 3 × 24 + 1.
        var window = MaintenanceSchedule.WindowOn(new DateOnly(2026, 3, 28), windowDays: 2, Berlin);

        Assert.Equal(new DueWindow(At(2026, 3, 27, 23), At(2026, 3, 30, 22)), window);
        Assert.Equal(TimeSpan.FromHours(71), window.End - window.DueAt);
    }

    [Fact]
    public void AUsageWindowEndsAtTheEndOfTheLocalDay()
    {
        // 20:00 UTC on 1 April is already 2 April in Shanghai: on time until the end of 4 April there.
        var at = At(2026, 4, 1, 20);

        Assert.Equal(new DueWindow(at, At(2026, 4, 4, 16)), MaintenanceSchedule.WindowFrom(at, windowDays: 2, Shanghai));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
