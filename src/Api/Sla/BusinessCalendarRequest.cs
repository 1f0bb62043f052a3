using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Sla;

namespace AfterSales.Api.Sla;

/// <summary>A region's business calendar, replacing the current one. Every member is required (send <c>[]</c> for no
/// holidays).</summary>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Europe/Berlin</c> or <c>Asia/Shanghai</c>; the hours are local
/// wall-clock times there.</param>
/// <param name="Week">Working hours per weekday (at most 8 intervals a day, not overlapping); at least one entry.</param>
/// <param name="Holidays">Dates closed, or open shorter (at most 1,000, each date once).</param>
public sealed record BusinessCalendarRequest(
    [property: Required, StringLength(64, MinimumLength = 1)] string? TimeZone,
    [property: Required, MinLength(1), MaxLength(SlaLimits.MaxWeekEntries)] IReadOnlyList<WeeklyHoursRequest>? Week,
    [property: Required, MaxLength(SlaLimits.MaxHolidays)] IReadOnlyList<HolidayRequest>? Holidays)
{
    internal BusinessCalendarDefinition? ToContract(ValidationErrors errors)
    {
        var zone = errors.RequiredText("timeZone", TimeZone, maxLength: 64);
        var week = errors.RequiredList("week", Week, (entry, at) => entry.ToContract(errors, at));
        var holidays = errors.RequiredList("holidays", Holidays, (holiday, at) => holiday.ToContract(errors, at));
        return errors.HasErrors ? null : new BusinessCalendarDefinition(zone!, week!.Value, holidays!.Value);
    }
}

/// <summary>Working hours on the given weekdays, every week.</summary>
/// <param name="Days">Each day once, <c>monday</c> to <c>sunday</c>.</param>
/// <param name="From">Local start, <c>HH:mm</c>.</param>
/// <param name="To">Local end, <c>HH:mm</c> after the start, or <c>24:00</c>.</param>
public sealed record WeeklyHoursRequest(
    [property: Required, MinLength(1), MaxLength(Limits.DaysOfWeek), UniqueItems] IReadOnlyList<DayOfWeek>? Days,
    [property: Required, RegularExpression(TimesOfDay.Pattern)] string? From,
    [property: Required, RegularExpression(TimesOfDay.Pattern)] string? To)
{
    internal WeeklyHours? ToContract(ValidationErrors errors, string path)
    {
        if (Days is null)
        {
            errors.Add($"{path}.days", FieldRules.Required);
        }
        var hours = WorkingHoursRequest.Of(errors, path, From, To);
        return Days is null || hours is null ? null : new WeeklyHours([.. Days], hours);
    }
}

/// <summary>A stretch of working time within one day.</summary>
/// <param name="From">Local start, <c>HH:mm</c>.</param>
/// <param name="To">Local end, <c>HH:mm</c> after the start, or <c>24:00</c>.</param>
public sealed record WorkingHoursRequest(
    [property: Required, RegularExpression(TimesOfDay.Pattern)] string? From,
    [property: Required, RegularExpression(TimesOfDay.Pattern)] string? To)
{
    internal WorkingHours? ToContract(ValidationErrors errors, string path) => Of(errors, path, From, To);

    internal static WorkingHours? Of(ValidationErrors errors, string path, string? from, string? to)
    {
        var start = TimesOfDay.Minutes(errors, $"{path}.from", from);
        var end = TimesOfDay.Minutes(errors, $"{path}.to", to);
        if (start is null || end is null)
        {
            return null;
        }
        if (end <= start)
        {
            errors.Add($"{path}.to", "The end must come after the start (24:00 for the end of the day).");
            return null;
        }
        return new WorkingHours(start.Value, end.Value);
    }
}

/// <summary>A date on which the weekly hours do not apply.</summary>
/// <param name="Date">The local date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Name">What the day is (1-200 characters).</param>
/// <param name="Hours">Left out or empty: closed all day. Otherwise the hours the day is open (a partial holiday).</param>
public sealed record HolidayRequest(
    [property: Required] DateOnly? Date,
    [property: Required, StringLength(SlaLimits.MaxHolidayNameLength, MinimumLength = 1)] string? Name,
    [property: MaxLength(SlaLimits.MaxIntervalsPerDay)] IReadOnlyList<WorkingHoursRequest>? Hours = null)
{
    internal Holiday? ToContract(ValidationErrors errors, string path)
    {
        var date = errors.RequiredValue($"{path}.date", Date);
        var name = errors.RequiredText($"{path}.name", Name, SlaLimits.MaxHolidayNameLength);
        var hours = errors.OptionalList($"{path}.hours", Hours, (h, at) => h.ToContract(errors, at));
        return date is null || name is null || hours is null ? null : new Holiday(date.Value, name, hours.Value);
    }
}
