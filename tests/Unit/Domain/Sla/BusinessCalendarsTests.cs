using AfterSales.Domain;
using AfterSales.Domain.Sla;
using AfterSales.Sla;
using static AfterSales.Tests.Unit.Domain.Sla.SlaCalendars;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class BusinessCalendarsTests
{
    private static FieldError? FirstError(BusinessCalendarDefinition definition) => BusinessCalendars.Validate(definition).FirstOrDefault();

    [Fact]
    public void TheDefaultCalendarIsValid()
    {
        Assert.Null(FirstError(BusinessCalendars.Default("Asia/Shanghai")));
    }

    [Fact]
    public void AnUnknownTimeZoneIsRefused()
    {
        Assert.Equal("timeZone", FirstError(BusinessCalendars.Default("Mars/Olympus_Mons"))?.Field);
    }

    [Fact]
    public void OverlappingIntervalsOfADayAreRefusedAtTheLaterOne()
    {
        var error = FirstError(new BusinessCalendarDefinition("UTC",
            [new WeeklyHours([DayOfWeek.Monday], Hours(9, 13)), new WeeklyHours([DayOfWeek.Tuesday], Hours(9, 13)), new WeeklyHours([DayOfWeek.Friday, DayOfWeek.Monday], Hours(12, 17))], []));

        Assert.Equal("week[2]", error?.Field);
    }

    [Fact]
    public void AnIntervalThatEndsBeforeItStartsIsRefused()
    {
        Assert.Equal("week[0].to", FirstError(new BusinessCalendarDefinition("UTC", [new WeeklyHours([DayOfWeek.Monday], Hours(17, 9))], []))?.Field);
    }

    [Fact]
    public void AWeekWithoutWorkingHoursIsRefused()
    {
        Assert.Equal("week", FirstError(new BusinessCalendarDefinition("UTC", [], []))?.Field);
    }

    [Fact]
    public void AHolidayListedTwiceIsRefused()
    {
        var day = new DateOnly(2026, 12, 25);
        var error = FirstError(BusinessCalendars.Default("UTC") with { Holidays = [new Holiday(day, "Christmas", []), new Holiday(day, "Again", [])] });

        Assert.Equal("holidays[1].date", error?.Field);
    }
}
