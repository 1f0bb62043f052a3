using AfterSales.Domain.Calendars;

namespace AfterSales.Tests.Unit.Domain.Calendars;

public sealed class RegionCalendarTests
{
    private static readonly RegionCalendar Shanghai = new("east", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    private static readonly RegionCalendar Berlin = new("central", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    [Fact]
    public void ARegionEastOfUtcIsOnTheNextDateFromItsMidnight()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), Shanghai.DateOf(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 4, 1), Shanghai.DateOf(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), Shanghai.StartOf(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void ADayStartsAtLocalMidnightOnEitherSideOfADaylightSavingChange()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 3, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 10, 25)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 10, 26)));
    }

    [Fact]
    public void AMidnightSkippedByTheClocksStartsTheDayWhenTheyLand()
    {
        // A zone at UTC-4 whose clocks jump from 00:00 to 01:00 on the first Sunday of September.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 9, 1, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 4, 1, DayOfWeek.Sunday));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Midnight", TimeSpan.FromHours(-4), "Midnight jump", "Standard", "Summer", [rule]);
        var calendar = new RegionCalendar("south", zone);

        // 6 September 2026 is the first Sunday of September: 01:00 local at UTC-3.
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), calendar.StartOf(new DateOnly(2026, 9, 6)));
        Assert.Equal(new DateOnly(2026, 9, 6), calendar.DateOf(calendar.StartOf(new DateOnly(2026, 9, 6))));
    }

    [Fact]
    public void TheDefaultCalendarReadsUtcDays()
    {
        var calendar = RegionCalendar.Utc("north");

        Assert.Equal(("UTC", new DateOnly(2026, 3, 31)), (calendar.TimeZoneId, calendar.DateOf(new DateTimeOffset(2026, 3, 31, 23, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), calendar.StartOf(new DateOnly(2026, 4, 1)));
    }
}
