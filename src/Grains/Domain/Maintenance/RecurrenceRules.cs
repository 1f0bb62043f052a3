using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace AfterSales.Domain.Maintenance;

/// <summary>RFC 5545 recurrence rules of time-based plans, evaluated by Ical.Net on whole days (UTC): the rule starts
/// on the device's entry into service.</summary>
internal static class RecurrenceRules
{
    /// <summary>How far ahead the next occurrence is looked for; a rule with none in that span has no next one.</summary>
    public const int HorizonYears = 20;

    // Enough for a daily rule that skips most days of a year; a rule that never matches stops here instead of
    // running to the end of the calendar.
    private static readonly EvaluationOptions Limits = new() { MaxUnmatchedIncrementsLimit = 1000 };

    /// <summary>Null when <paramref name="rule"/> parses, recurs at most daily and has occurrences; the message otherwise.</summary>
    public static string? Error(string rule)
    {
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(rule);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            return "The recurrence is not a valid RFC 5545 rule (e.g. FREQ=MONTHLY;INTERVAL=6 or FREQ=YEARLY;BYMONTH=3;BYDAY=1MO).";
        }
        if (pattern.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly)
        {
            return "A maintenance recurrence repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).";
        }
        return Next(rule, new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1)) is null
            ? $"The recurrence has no occurrence within {HorizonYears} years of its start."
            : null;
    }

    /// <summary>The first day on or after <paramref name="notBefore"/> on which <paramref name="rule"/>, started on
    /// <paramref name="start"/>, occurs; null when it has ended (COUNT, UNTIL) or has none within the horizon.</summary>
    public static DateOnly? Next(string rule, DateOnly start, DateOnly notBefore)
    {
        var series = new CalendarEvent { DtStart = new CalDateTime(start.Year, start.Month, start.Day) };
        series.RecurrenceRule = new RecurrencePattern(rule);
        var from = notBefore > start ? notBefore : start;
        var horizon = from.AddYears(HorizonYears);
        try
        {
            foreach (var occurrence in series.GetOccurrences(new CalDateTime(from.Year, from.Month, from.Day), Limits))
            {
                var day = DateOnly.FromDateTime(occurrence.Period.StartTime.Value);
                if (day > horizon)
                {
                    return null;
                }
                if (day >= from)
                {
                    return day;
                }
            }
        }
        catch (EvaluationException)
        {
            // A rule whose parts never meet (e.g. 30 February) would search without end; Ical.Net gives up.
        }
        return null;
    }
}
