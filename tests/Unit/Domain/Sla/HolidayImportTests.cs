using AfterSales.Domain.Sla;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class HolidayImportTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    private static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    private static string Event(string uid, string summary, string start, string? end = null, string? rule = null) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\n"
        + (end is null ? "" : $"DTEND;VALUE=DATE:{end}\r\n") + (rule is null ? "" : $"RRULE:{rule}\r\n") + "END:VEVENT\r\n";

    [Fact]
    public void AnAllDayEventIsAClosedDay()
    {
        var (holidays, error, _) = HolidayImport.Read(Ics(Event("a", "Labour Day", "20260501", "20260502")), Today);

        Assert.Null(error);
        var holiday = Assert.Single(holidays);
        Assert.Equal(new DateOnly(2026, 5, 1), holiday.Date);
        Assert.Equal("Labour Day", holiday.Name);
        Assert.Empty(holiday.Hours);
    }

    [Fact]
    public void AMultiDayEventClosesEachOfItsDays()
    {
        var (holidays, error, _) = HolidayImport.Read(Ics(Event("a", "National Day", "20261001", "20261004")), Today);

        Assert.Null(error);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 3)], holidays.Select(h => h.Date));
    }

    [Fact]
    public void AYearlyRuleIsExpandedFromLastYearThroughFiveYearsAhead()
    {
        var (holidays, error, _) = HolidayImport.Read(Ics(Event("x", "Christmas Day", "20001225", "20001226", "FREQ=YEARLY")), Today);

        Assert.Null(error);
        Assert.Equal(Enumerable.Range(2025, 7).Select(year => new DateOnly(year, 12, 25)), holidays.Select(h => h.Date));
    }

    [Fact]
    public void ATimedEventIsRefusedByName()
    {
        var timed = "BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Team lunch\r\nDTSTART:20260105T120000Z\r\nDTEND:20260105T130000Z\r\nEND:VEVENT\r\n";

        var (holidays, error, _) = HolidayImport.Read(Ics(timed), Today);

        Assert.Empty(holidays);
        Assert.Contains("'Team lunch' is not an all-day event", error);
    }

    [Fact]
    public void AFileThatIsNotICalendarIsMalformed()
    {
        var (holidays, error, malformed) = HolidayImport.Read("BEGIN:VCALENDAR\r\nthis is not a calendar", Today);

        Assert.Empty(holidays);
        Assert.StartsWith("The body is not a valid iCalendar file", error);
        Assert.True(malformed);
    }

    [Fact]
    public void ACalendarWithoutEventsIsRefusedButNotMalformed()
    {
        var (holidays, error, malformed) = HolidayImport.Read(Ics(), Today);

        Assert.Empty(holidays);
        Assert.Equal("The iCalendar file holds no VEVENT.", error);
        Assert.False(malformed);
    }
}
