using AfterSales.Api.Hosting;
using AfterSales.Sla;

namespace AfterSales.Api.Sla;

/// <summary>A region's business calendar. <paramref name="Version"/> is also the <c>ETag</c>; version 0 (with
/// <paramref name="IsDefault"/> true) is the default calendar of a region that has none: Monday to Friday
/// 09:00-17:00 in the region's configured time zone (UTC without one), no holidays.</summary>
/// <param name="UpdatedAt">When the calendar was last changed; null for the default.</param>
public sealed record BusinessCalendarResponse(
    string Region,
    string TimeZone,
    IReadOnlyList<WeeklyHoursResponse> Week,
    IReadOnlyList<HolidayResponse> Holidays,
    int Version,
    bool IsDefault,
    DateTimeOffset? UpdatedAt)
{
    internal static BusinessCalendarResponse From(BusinessCalendarSnapshot calendar) => new(
        calendar.Region,
        calendar.Definition.TimeZone,
        [.. calendar.Definition.Week.OrEmpty().Select(w => new WeeklyHoursResponse(w.Days.OrEmpty(), TimesOfDay.Format(w.Hours.FromMinute), TimesOfDay.Format(w.Hours.ToMinute)))],
        [.. calendar.Definition.Holidays.OrEmpty().Select(h => new HolidayResponse(h.Date, h.Name, [.. h.Hours.OrEmpty().Select(WorkingHoursResponse.Of)]))],
        calendar.Version,
        calendar.IsDefault,
        calendar.UpdatedAt);
}

/// <summary>Working hours on some weekdays (local <c>HH:mm</c>; <c>24:00</c> is the end of the day).</summary>
public sealed record WeeklyHoursResponse(IReadOnlyList<DayOfWeek> Days, string From, string To);

/// <summary>A stretch of working time within one day.</summary>
public sealed record WorkingHoursResponse(string From, string To)
{
    internal static WorkingHoursResponse Of(WorkingHours hours) => new(TimesOfDay.Format(hours.FromMinute), TimesOfDay.Format(hours.ToMinute));
}

/// <summary>A holiday: closed all day when <paramref name="Hours"/> is empty, otherwise open only then.</summary>
public sealed record HolidayResponse(DateOnly Date, string Name, IReadOnlyList<WorkingHoursResponse> Hours);
