using System.Collections.Immutable;
using AfterSales.Sla;
using NodaTime;

namespace AfterSales.Domain.Sla;

/// <summary>The default calendar and the rules a business calendar must follow.</summary>
internal static class BusinessCalendars
{
    public const int MaxIntervalsPerDay = SlaLimits.MaxIntervalsPerDay;
    public const int MaxHolidays = SlaLimits.MaxHolidays;
    public const int MaxHolidayNameLength = SlaLimits.MaxHolidayNameLength;
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Monday to Friday 09:00-17:00: the working hours of a region without a calendar of its own.</summary>
    public static readonly ImmutableArray<WeeklyHours> DefaultWeek =
    [
        new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new WorkingHours(9 * 60, 17 * 60)),
    ];

    /// <summary>The default calendar of a region: <see cref="DefaultWeek"/> in the region's configured time zone (UTC
    /// without one), no holidays.</summary>
    public static BusinessCalendarDefinition Default(string timeZone) => new(timeZone, DefaultWeek, []);

    /// <summary>True when <paramref name="id"/> is an IANA zone id the time-zone database knows.</summary>
    public static bool IsKnownZone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    /// <summary>Every problem of <paramref name="definition"/>, at its camelCase JSON path.</summary>
    public static IEnumerable<FieldError> Validate(BusinessCalendarDefinition definition)
    {
        if (!IsKnownZone(definition.TimeZone))
        {
            yield return new FieldError("timeZone", $"'{definition.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin, Asia/Shanghai).");
        }
        var week = definition.Week.IsDefault ? [] : definition.Week;
        for (var i = 0; i < week.Length; i++)
        {
            var days = week[i].Days.IsDefault ? [] : week[i].Days;
            if (days.IsEmpty || days.Any(d => !Enum.IsDefined(d)) || days.Distinct().Count() != days.Length)
            {
                yield return new FieldError($"week[{i}].days", "Name each day once, monday to sunday.");
            }
            if (HoursError(week[i].Hours) is { } error)
            {
                yield return new FieldError($"week[{i}].to", error);
            }
        }
        var byDay = week.SelectMany((w, i) => (w.Days.IsDefault ? [] : w.Days).Distinct().Select(day => (Day: day, w.Hours, Index: i)));
        foreach (var day in byDay.GroupBy(x => x.Day))
        {
            if (day.Count() > MaxIntervalsPerDay)
            {
                yield return new FieldError($"week[{day.Last().Index}]", $"A day has at most {MaxIntervalsPerDay} working intervals.");
            }
            if (FirstOverlap(day.Select(x => (x.Hours, x.Index))) is { } overlap)
            {
                yield return new FieldError($"week[{overlap}]", $"The hours overlap another interval on {day.Key}.");
            }
        }
        if (!week.Any(w => HoursError(w.Hours) is null))
        {
            yield return new FieldError("week", "A calendar needs at least one working interval in the week.");
        }
        foreach (var error in ValidateHolidays(definition.Holidays, "holidays"))
        {
            yield return error;
        }
    }

    /// <summary>Problems of a holiday list (dates unique, names given, partial hours valid and apart).</summary>
    public static IEnumerable<FieldError> ValidateHolidays(ImmutableArray<Holiday> holidays, string path)
    {
        holidays = holidays.IsDefault ? [] : holidays;
        if (holidays.Length > MaxHolidays)
        {
            yield return new FieldError(path, $"A calendar holds at most {MaxHolidays} holidays.");
            yield break;
        }
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < holidays.Length; i++)
        {
            var holiday = holidays[i];
            if (!seen.Add(holiday.Date))
            {
                yield return new FieldError($"{path}[{i}].date", $"{holiday.Date:yyyy-MM-dd} is listed twice.");
            }
            if (string.IsNullOrWhiteSpace(holiday.Name) || holiday.Name.Length > MaxHolidayNameLength)
            {
                yield return new FieldError($"{path}[{i}].name", $"A holiday needs a name of 1 to {MaxHolidayNameLength} characters.");
            }
            var hours = holiday.Hours.IsDefault ? [] : holiday.Hours;
            if (hours.Length > MaxIntervalsPerDay)
            {
                yield return new FieldError($"{path}[{i}].hours", $"A day has at most {MaxIntervalsPerDay} working intervals.");
            }
            for (var h = 0; h < hours.Length; h++)
            {
                if (HoursError(hours[h]) is { } error)
                {
                    yield return new FieldError($"{path}[{i}].hours[{h}].to", error);
                }
            }
            if (FirstOverlap(hours.Select((h, at) => (h, at))) is { } overlap)
            {
                yield return new FieldError($"{path}[{i}].hours[{overlap}]", "The hours overlap another interval of the day.");
            }
        }
    }

    private static string? HoursError(WorkingHours hours) =>
        hours.FromMinute < 0 || hours.ToMinute > MinutesPerDay || hours.FromMinute >= hours.ToMinute
            ? "From must be before to, both within the day (00:00 to 24:00)."
            : null;

    /// <summary>The index of the first interval that overlaps an earlier-starting one, or null.</summary>
    private static int? FirstOverlap(IEnumerable<(WorkingHours Hours, int Index)> intervals)
    {
        var previousEnd = -1;
        foreach (var (hours, index) in intervals.OrderBy(x => x.Hours.FromMinute).ThenBy(x => x.Index))
        {
            if (hours.FromMinute < previousEnd)
            {
                return index;
            }
            previousEnd = Math.Max(previousEnd, hours.ToMinute);
        }
        return null;
    }
}
