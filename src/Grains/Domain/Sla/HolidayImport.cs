using System.Collections.Immutable;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using AfterSales.Sla;

namespace AfterSales.Domain.Sla;

/// <summary>Holidays from an iCalendar (RFC 5545) file: every all-day VEVENT is a closed day (multi-day events close
/// each day); recurring events (RRULE, e.g. FREQ=YEARLY) are expanded over the horizon.</summary>
internal static class HolidayImport
{
    /// <summary>Occurrences are taken from January 1st of the year before the import through December 31st
    /// <see cref="HorizonYears"/> years after it.</summary>
    public const int HorizonYears = 5;


    private static readonly EvaluationOptions Limits = new() { MaxUnmatchedIncrementsLimit = 1000 };

    /// <summary>The holidays of <paramref name="ics"/> in date order, or the reason the file cannot be used
    /// (<c>Malformed</c> when it is not iCalendar at all).</summary>
    public static (ImmutableArray<Holiday> Holidays, string? Error, bool Malformed) Read(string ics, DateOnly today)
    {
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(ics);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ([], $"The body is not a valid iCalendar file: {exception.Message}", true);
        }
        if (calendar is null || calendar.Events.Count == 0)
        {
            return ([], "The iCalendar file holds no VEVENT.", calendar is null);
        }
        var first = new DateOnly(today.Year - 1, 1, 1);
        var last = new DateOnly(today.Year + HorizonYears, 12, 31);
        var days = new SortedDictionary<DateOnly, string>();
        foreach (var holiday in calendar.Events)
        {
            var name = string.IsNullOrWhiteSpace(holiday.Summary) ? "Holiday" : holiday.Summary.Trim();
            if (holiday.DtStart is null || !holiday.IsAllDay)
            {
                return ([], $"Event '{name}' is not an all-day event; only all-day events (DTSTART;VALUE=DATE) are holidays.", false);
            }
            try
            {
                foreach (var occurrence in holiday.GetOccurrences(new CalDateTime(first.Year, first.Month, first.Day), Limits))
                {
                    var start = DateOnly.FromDateTime(occurrence.Period.StartTime.Value);
                    if (start > last)
                    {
                        break;
                    }
                    var end = occurrence.Period.EffectiveEndTime is { } e ? DateOnly.FromDateTime(e.Value) : start.AddDays(1);
                    for (var day = start; (day < end || day == start) && day <= last; day = day.AddDays(1))
                    {
                        if (day >= first && day <= last)
                        {
                            days.TryAdd(day, name.Length > BusinessCalendars.MaxHolidayNameLength ? name[..BusinessCalendars.MaxHolidayNameLength] : name);
                        }
                    }
                    if (days.Count > BusinessCalendars.MaxHolidays)
                    {
                        return ([], $"The file gives more than {BusinessCalendars.MaxHolidays} holidays between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}.", false);
                    }
                }
            }
            catch (EvaluationException exception)
            {
                return ([], $"The recurrence of event '{name}' cannot be expanded: {exception.Message}", false);
            }
        }
        return ([.. days.Select(d => new Holiday(d.Key, d.Value, []))], null, false);
    }
}
