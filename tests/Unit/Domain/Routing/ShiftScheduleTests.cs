using System.Collections.Immutable;
using AfterSales.Domain.Routing;
using AfterSales.Technicians;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class ShiftScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly ImmutableArray<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static ShiftWindow Window(ImmutableArray<DayOfWeek> days, int startHour, int endHour, int startMinute = 0, int endMinute = 0) =>
        new([.. days], new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AWeekdayShiftIsOnFromItsStartUntilJustBeforeItsEnd()
    {
        ShiftWindow[] pattern = [Window(Weekdays, 9, 17)];

        Assert.False(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 2, 8, 59)));
        Assert.True(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 2, 9)));
        Assert.True(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 2, 16, 59)));
        Assert.False(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 2, 17)));
        Assert.False(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 7, 10)));
    }

    [Fact]
    public void TheNextBoundaryIsTheEndOfTheShiftOrTheNextStartAfterTheWeekend()
    {
        ShiftWindow[] pattern = [Window(Weekdays, 9, 17)];

        Assert.Equal(Utc(3, 2, 17), ShiftSchedule.NextBoundary(pattern, TimeZoneInfo.Utc, Utc(3, 2, 10)));
        Assert.Equal(Utc(3, 9, 9), ShiftSchedule.NextBoundary(pattern, TimeZoneInfo.Utc, Utc(3, 6, 17)));
    }

    [Fact]
    public void ShiftTimesAreReadInTheRegionsTimeZone()
    {
        ShiftWindow[] pattern = [Window(Weekdays, 9, 17)];

        // Berlin is UTC+1 in winter: 09:00 there is 08:00 UTC.
        Assert.True(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 2, 8)));
        Assert.False(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 2, 16)));
        Assert.Equal(Utc(3, 2, 16), ShiftSchedule.NextBoundary(pattern, Berlin, Utc(3, 2, 8)));
    }

    [Fact]
    public void AShiftEndingBeforeItStartsRunsPastMidnight()
    {
        ShiftWindow[] pattern = [Window([DayOfWeek.Saturday], 22, 6)];

        Assert.True(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 7, 23)));
        Assert.True(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 8, 5, 59)));
        Assert.False(ShiftSchedule.IsOnShift(pattern, TimeZoneInfo.Utc, Utc(3, 8, 22)));
        Assert.Equal(Utc(3, 8, 6), ShiftSchedule.NextBoundary(pattern, TimeZoneInfo.Utc, Utc(3, 7, 23)));
    }

    [Fact]
    public void AdjacentWindowsMakeOneShiftWithoutABoundaryBetweenThem()
    {
        ShiftWindow[] pattern = [Window([DayOfWeek.Monday], 6, 14), Window([DayOfWeek.Monday], 14, 22)];

        Assert.Equal(Utc(3, 2, 22), ShiftSchedule.NextBoundary(pattern, TimeZoneInfo.Utc, Utc(3, 2, 7)));
    }

    [Fact]
    public void OnTheNightClocksGoForwardAShiftLastsAnHourLessByTheClock()
    {
        // Sunday 29 March 2026, Berlin: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        ShiftWindow[] pattern = [Window([DayOfWeek.Sunday], 1, 5)];

        Assert.True(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 29, 0)));
        Assert.Equal(Utc(3, 29, 3), ShiftSchedule.NextBoundary(pattern, Berlin, Utc(3, 29, 0, 30)));
        Assert.False(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 29, 3)));
    }

    [Fact]
    public void AShiftStartingInTheSkippedHourStartsWhenTheClocksJumpPastIt()
    {
        ShiftWindow[] pattern = [Window([DayOfWeek.Sunday], 2, 6, startMinute: 30)];

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), ShiftSchedule.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), Berlin));
        Assert.False(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 29, 0, 59)));
        Assert.True(ShiftSchedule.IsOnShift(pattern, Berlin, Utc(3, 29, 1)));
        Assert.Equal(Utc(3, 29, 1), ShiftSchedule.NextBoundary(pattern, Berlin, Utc(3, 29, 0)));
    }

    [Fact]
    public void OnTheNightClocksGoBackARepeatedTimeHappensTheFirstTime()
    {
        // Sunday 25 October 2026, Berlin: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens twice.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), ShiftSchedule.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), Berlin));

        ShiftWindow[] endsInRepeatedHour = [Window([DayOfWeek.Saturday], 22, 2, endMinute: 30)];
        Assert.Equal(Utc(10, 25, 0, 30), ShiftSchedule.NextBoundary(endsInRepeatedHour, Berlin, Utc(10, 24, 23)));
        Assert.False(ShiftSchedule.IsOnShift(endsInRepeatedHour, Berlin, Utc(10, 25, 1, 45)));

        // A night shift spanning the change lasts an hour more by the clock: 00:00 CEST to 06:00 CET is 7 hours.
        ShiftWindow[] night = [Window([DayOfWeek.Sunday], 0, 6)];
        Assert.True(ShiftSchedule.IsOnShift(night, Berlin, Utc(10, 24, 22)));
        Assert.Equal(Utc(10, 25, 5), ShiftSchedule.NextBoundary(night, Berlin, Utc(10, 24, 22)));
    }

    [Fact]
    public void AnEmptyPatternIsNeverOnShiftAndHasNoBoundary()
    {
        Assert.False(ShiftSchedule.IsOnShift([], Berlin, Utc(3, 2, 10)));
        Assert.Null(ShiftSchedule.NextBoundary([], Berlin, Utc(3, 2, 10)));
    }

    [Fact]
    public void APatternIsValidatedWindowByWindow()
    {
        var errors = ShiftSchedule.Validate(
        [
            Window(Weekdays, 9, 17),
            new ShiftWindow([], new TimeOnly(9, 0), new TimeOnly(10, 0)),
            new ShiftWindow([DayOfWeek.Monday, DayOfWeek.Monday], new TimeOnly(9, 0, 30), new TimeOnly(9, 0, 30)),
        ]).ToList();

        Assert.Equal(["windows[1].days", "windows[2].days", "windows[2].start", "windows[2].end", "windows[2].end"], errors.Select(e => e.Field));
    }
}
