using AfterSales.Domain.Maintenance;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Maintenance;

public sealed class MaintenanceScheduleTests
{
    private static readonly DateOnly InService = new(2026, 1, 31);

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
        var window = MaintenanceSchedule.WindowOn(new DateOnly(2026, 4, 1), windowDays: 7);

        Assert.Equal(new DueWindow(Utc(2026, 4, 1), Utc(2026, 4, 9)), window);
        Assert.False(MaintenanceSchedule.IsOverdue(window, Utc(2026, 4, 9).AddTicks(-1)));
        Assert.True(MaintenanceSchedule.IsOverdue(window, Utc(2026, 4, 9)));
    }

    [Fact]
    public void AWindowOfNoDaysIsTheDueDayItself()
    {
        Assert.Equal(new DueWindow(Utc(2026, 4, 1), Utc(2026, 4, 2)), MaintenanceSchedule.WindowOn(new DateOnly(2026, 4, 1), 0));
    }

    [Fact]
    public void TheWorkOrderFiresLeadDaysBeforeTheDueDayAndThePeriodIsTheDueDay()
    {
        var due = MaintenanceSchedule.Due("SN-1", Plan(days: 30) with { LeadDays = 14 }, new DateOnly(2026, 4, 1));

        Assert.Equal(new MaintenanceDue("SN-1", "p", "2026-04-01", Utc(2026, 4, 1), Utc(2026, 3, 18)), due);
        Assert.Equal(new DateOnly(2026, 4, 1), MaintenanceSchedule.DayOf(due.Period));
    }

    [Fact]
    public void AUsageWindowStartsWhenTheThresholdWasCrossed()
    {
        var at = new DateTimeOffset(2026, 4, 1, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DueWindow(at, Utc(2026, 4, 4)), MaintenanceSchedule.WindowFrom(at, windowDays: 2));
    }
}
