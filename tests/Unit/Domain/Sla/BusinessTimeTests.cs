using AfterSales.Domain.Sla;
using AfterSales.Sla;
using NodaTime;
using static AfterSales.Tests.Unit.Domain.Sla.SlaCalendars;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class BusinessTimeTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public void TimeWithinAWorkingDayAddsUpOnTheSameDay()
    {
        var start = Local(Berlin, 2026, 1, 5, 10);

        Assert.Equal(Local(Berlin, 2026, 1, 5, 12), BusinessTime.Add(NineToFive(Berlin), start, Duration.FromHours(2)));
        Assert.Equal(Utc(2026, 1, 5, 11), BusinessTime.Add(NineToFive(Berlin), start, Duration.FromHours(2)));
    }

    [Fact]
    public void TimeLeftAtClosingCarriesOverToTheNextMorning()
    {
        Assert.Equal(Local(Berlin, 2026, 1, 6, 10),
            BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 1, 5, 16), Duration.FromHours(2)));
    }

    [Fact]
    public void AWeekendDoesNotCount()
    {
        var friday = Local(Berlin, 2026, 1, 9, 16);
        var monday = Local(Berlin, 2026, 1, 12, 10);

        Assert.Equal(monday, BusinessTime.Add(NineToFive(Berlin), friday, Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(2), BusinessTime.Between(NineToFive(Berlin), friday, monday));
    }

    [Fact]
    public void ACaseOpenedBeforeOpeningStartsCountingAtOpening()
    {
        Assert.Equal(Local(Berlin, 2026, 1, 5, 10),
            BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 1, 5, 7), Duration.FromHours(1)));
    }

    [Fact]
    public void ACaseOpenedAfterClosingStartsCountingTheNextWorkingMorning()
    {
        Assert.Equal(Local(Berlin, 2026, 1, 6, 10),
            BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 1, 5, 20), Duration.FromHours(1)));
    }

    [Fact]
    public void ACaseOpenedOnAHolidayStartsCountingOnTheNextWorkingDay()
    {
        var calendar = NineToFive(Berlin, new Holiday(new DateOnly(2026, 1, 6), "Epiphany", []));

        Assert.Equal(Local(Berlin, 2026, 1, 7, 10), BusinessTime.Add(calendar, Local(Berlin, 2026, 1, 6, 11), Duration.FromHours(1)));
        Assert.Equal(Local(Berlin, 2026, 1, 7, 10), BusinessTime.Add(calendar, Local(Berlin, 2026, 1, 5, 20), Duration.FromHours(1)));
        Assert.Equal(Duration.Zero, BusinessTime.Between(calendar, Local(Berlin, 2026, 1, 6, 0), Local(Berlin, 2026, 1, 7, 0)));
    }

    [Fact]
    public void APartialHolidayCountsOnlyItsOwnHours()
    {
        var calendar = NineToFive(Berlin, new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve", [Hours(9, 12)]),
            new Holiday(new DateOnly(2026, 12, 25), "Christmas Day", []));

        Assert.Equal(Duration.FromHours(3),
            BusinessTime.Between(calendar, Local(Berlin, 2026, 12, 24, 0), Local(Berlin, 2026, 12, 26, 0)));
        // Thursday 11:00 + 2 h: one hour on Christmas Eve, none on Christmas Day or the weekend, one on Monday.
        Assert.Equal(Local(Berlin, 2026, 12, 28, 10), BusinessTime.Add(calendar, Local(Berlin, 2026, 12, 24, 11), Duration.FromHours(2)));
    }

    [Fact]
    public void SplitShiftsSkipTheLunchBreakInAZoneEastOfUtc()
    {
        var calendar = Weekly(Shanghai, [Hours(9, 12), Hours(13, 18)]);
        var start = Local(Shanghai, 2026, 1, 5, 11, 30);

        Assert.Equal(Utc(2026, 1, 5, 6, 30), BusinessTime.Add(calendar, start, Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(8), BusinessTime.Between(calendar, Local(Shanghai, 2026, 1, 5, 0), Local(Shanghai, 2026, 1, 6, 0)));
    }

    [Fact]
    public void AUtcEveningThatIsAlreadyTheNextMorningEastOfUtcCountsFromLocalOpening()
    {
        // Sunday 23:00 UTC is Monday 07:00 in Shanghai: the clock starts at 09:00 local.
        Assert.Equal(Utc(2026, 1, 5, 2), BusinessTime.Add(NineToFive(Shanghai), Utc(2026, 1, 4, 23), Duration.FromHours(1)));
    }

    [Fact]
    public void WorkingHoursFollowTheWallClockAcrossTheSpringChange()
    {
        // Friday 16:00 CET (UTC+1) + 2 h lands on Monday 10:00 CEST (UTC+2), after the change of 29 March.
        Assert.Equal(Utc(2026, 3, 30, 8), BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 3, 27, 16), Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(47),
            BusinessTime.Between(AroundTheClock(Berlin), Local(Berlin, 2026, 3, 28, 0), Local(Berlin, 2026, 3, 30, 0)));
    }

    [Fact]
    public void WorkingHoursFollowTheWallClockAcrossTheAutumnChange()
    {
        Assert.Equal(Utc(2026, 10, 26, 9), BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 10, 23, 16), Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(49),
            BusinessTime.Between(AroundTheClock(Berlin), Local(Berlin, 2026, 10, 24, 0), Local(Berlin, 2026, 10, 26, 0)));
    }

    [Fact]
    public void TheDaysOfTheChangesInNewYorkAreAnHourShorterAndLonger()
    {
        var calendar = AroundTheClock(NewYork);

        Assert.Equal(Duration.FromHours(23), BusinessTime.Between(calendar, Local(NewYork, 2026, 3, 8, 0), Local(NewYork, 2026, 3, 9, 0)));
        Assert.Equal(Duration.FromHours(25), BusinessTime.Between(calendar, Local(NewYork, 2026, 11, 1, 0), Local(NewYork, 2026, 11, 2, 0)));
        // Saturday 23:00 EST + 3 h counts the skipped hour out: 03:00 EDT.
        Assert.Equal(Local(NewYork, 2026, 3, 8, 3), BusinessTime.Add(calendar, Local(NewYork, 2026, 3, 7, 23), Duration.FromHours(3)));
    }

    [Fact]
    public void AHourSkippedInsideWorkingHoursShortensThatDay()
    {
        // Sunday hours 01:00-04:00 on the day New York skips 02:00-03:00: two hours, not three.
        var calendar = BusinessCalendar.From(new BusinessCalendarDefinition(NewYork, [new WeeklyHours([DayOfWeek.Sunday], Hours(1, 4))], []));

        Assert.Equal(Duration.FromHours(2), BusinessTime.Between(calendar, Local(NewYork, 2026, 3, 8, 0), Local(NewYork, 2026, 3, 9, 0)));
        Assert.Equal(Duration.FromHours(3), BusinessTime.Between(calendar, Local(NewYork, 2026, 3, 1, 0), Local(NewYork, 2026, 3, 2, 0)));
        Assert.Equal(Duration.FromHours(4), BusinessTime.Between(calendar, Local(NewYork, 2026, 11, 1, 0), Local(NewYork, 2026, 11, 2, 0)));
    }

    [Fact]
    public void APauseSpanningDaysIsCutOutOfTheCount()
    {
        var start = Local(Berlin, 2026, 1, 5, 10);
        TimeRange[] pauses = [new(Local(Berlin, 2026, 1, 5, 12), Local(Berlin, 2026, 1, 7, 12))];

        // Monday 10-12 (2 h), Wednesday 12-17 (5 h), Thursday 09-10 (1 h).
        Assert.Equal(Local(Berlin, 2026, 1, 8, 10), BusinessTime.Add(NineToFive(Berlin), start, Duration.FromHours(8), pauses));
        Assert.Equal(Duration.FromHours(8), BusinessTime.Between(NineToFive(Berlin), start, Local(Berlin, 2026, 1, 8, 10), pauses));
        Assert.Equal(Duration.FromHours(5 + 8 + 3), BusinessTime.Paused(NineToFive(Berlin), start, Local(Berlin, 2026, 1, 8, 10), pauses));
    }

    [Fact]
    public void APauseWithoutEndMeansTheTimeIsNeverReached()
    {
        TimeRange[] pauses = [new(Local(Berlin, 2026, 1, 5, 12), Instant.MaxValue)];

        Assert.Null(BusinessTime.Add(NineToFive(Berlin), Local(Berlin, 2026, 1, 5, 10), Duration.FromHours(8), pauses));
        Assert.Null(BusinessTime.Add(CalendarTimeline.Instance, Local(Berlin, 2026, 1, 5, 10), Duration.FromHours(8), pauses));
    }

    [Fact]
    public void ZeroTimeAddsNothingEvenOutsideWorkingHours()
    {
        var saturday = Local(Berlin, 2026, 1, 10, 12);

        Assert.Equal(saturday, BusinessTime.Add(NineToFive(Berlin), saturday, Duration.Zero));
        Assert.Equal(Duration.Zero, BusinessTime.Between(NineToFive(Berlin), saturday, saturday));
        Assert.Equal(Duration.Zero, BusinessTime.Between(NineToFive(Berlin), saturday, saturday - Duration.FromHours(1)));
    }

    [Fact]
    public void AVeryLongDurationRunsOverMonthsAndBackToTheSameCount()
    {
        var start = Local(Berlin, 2026, 1, 5, 9);

        // 1,000 hours are 125 working days of 8 hours: 25 weeks, ending Friday 26 June at 17:00 CEST.
        var end = BusinessTime.Add(NineToFive(Berlin), start, Duration.FromHours(1000));

        Assert.Equal(Local(Berlin, 2026, 6, 26, 17), end);
        Assert.Equal(Duration.FromHours(1000), BusinessTime.Between(NineToFive(Berlin), start, end!.Value));
    }

    [Fact]
    public void CalendarTimeCountsNightsAndWeekendsButNotPauses()
    {
        var friday = Utc(2026, 1, 9, 16);
        TimeRange[] pauses = [new(Utc(2026, 1, 10, 0), Utc(2026, 1, 10, 6))];

        Assert.Equal(Utc(2026, 1, 10, 10), BusinessTime.Add(CalendarTimeline.Instance, friday, Duration.FromHours(18)));
        Assert.Equal(Utc(2026, 1, 10, 16), BusinessTime.Add(CalendarTimeline.Instance, friday, Duration.FromHours(18), pauses));
        Assert.Equal(Duration.FromHours(18), BusinessTime.Between(CalendarTimeline.Instance, friday, Utc(2026, 1, 10, 16), pauses));
    }
}
