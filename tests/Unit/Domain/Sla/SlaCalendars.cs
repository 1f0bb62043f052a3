using System.Collections.Immutable;
using AfterSales.Domain.Sla;
using AfterSales.Sla;
using NodaTime;

namespace AfterSales.Tests.Unit.Domain.Sla;

/// <summary>Calendars and instants the SLA unit tests share.</summary>
internal static class SlaCalendars
{
    public static readonly ImmutableArray<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static WorkingHours Hours(int from, int to) => new(from * 60, to * 60);

    /// <summary>Monday to Friday, the given hours each day, in <paramref name="zone"/>.</summary>
    public static BusinessCalendar Weekly(string zone, IEnumerable<WorkingHours> daily, params Holiday[] holidays) =>
        BusinessCalendar.From(new BusinessCalendarDefinition(zone,
            [.. daily.Select(hours => new WeeklyHours(Weekdays, hours))], [.. holidays]));

    public static BusinessCalendar NineToFive(string zone, params Holiday[] holidays) => Weekly(zone, [Hours(9, 17)], holidays);

    /// <summary>Every day of the week, all day.</summary>
    public static BusinessCalendar AroundTheClock(string zone) =>
        BusinessCalendar.From(new BusinessCalendarDefinition(zone,
            [new WeeklyHours([.. Enum.GetValues<DayOfWeek>()], new WorkingHours(0, 24 * 60))], []));

    /// <summary>The instant of a wall-clock time in <paramref name="zone"/> (unambiguous times only).</summary>
    public static Instant Local(string zone, int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);
}
