using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Domain.Calendars;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// A weekly shift pattern read in a time zone. Each window occurrence is turned into an interval of instants
/// [start, end); the technician is on shift when an instant falls in one. Local times are wall-clock times:
/// a start or end that does not exist (the hour skipped when clocks go forward) happens when the clocks jump
/// past it; one that exists twice (the hour repeated when clocks go back) happens the first time.
/// </summary>
internal static class ShiftSchedule
{
    public const int MaxWindows = 21;

    /// <summary>How far ahead <see cref="NextBoundary"/> looks: a weekly pattern repeats within it.</summary>
    private const int HorizonDays = 8;

    public static bool IsOnShift(IReadOnlyList<ShiftWindow> pattern, TimeZoneInfo zone, DateTimeOffset at)
    {
        foreach (var (start, end) in Occurrences(pattern, zone, LocalDate(zone, at), 1, 1))
        {
            if (start <= at && at < end)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first instant after <paramref name="at"/> at which <see cref="IsOnShift"/> changes; null when
    /// the pattern is empty or never changes.</summary>
    public static DateTimeOffset? NextBoundary(IReadOnlyList<ShiftWindow> pattern, TimeZoneInfo zone, DateTimeOffset at)
    {
        if (pattern.Count == 0)
        {
            return null;
        }
        var now = IsOnShift(pattern, zone, at);
        var boundaries = Occurrences(pattern, zone, LocalDate(zone, at), 1, HorizonDays)
            .SelectMany(o => new[] { o.Start, o.End })
            .Where(b => b > at)
            .Distinct()
            .Order();
        foreach (var boundary in boundaries)
        {
            if (IsOnShift(pattern, zone, boundary) != now)
            {
                return boundary;
            }
        }
        return null;
    }

    /// <summary>The instant a wall-clock time happens in <paramref name="zone"/> (see the class remarks for the
    /// skipped and repeated hours).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone) => RegionCalendar.ToInstant(local, zone);

    /// <summary>Problems with a pattern, as (field, message) with paths such as <c>windows[1].days</c>.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(ImmutableArray<ShiftWindow> pattern)
    {
        var windows = pattern.IsDefault ? [] : pattern;
        if (windows.Length > MaxWindows)
        {
            yield return ("windows", $"A shift pattern has at most {MaxWindows} windows.");
        }
        for (var i = 0; i < windows.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"windows[{i}]");
            if (windows[i] is not { } window)
            {
                yield return (path, "A shift window cannot be null.");
                continue;
            }
            var days = window.Days.IsDefault ? [] : window.Days;
            if (days.Length == 0)
            {
                yield return ($"{path}.days", "A shift window needs at least one day.");
            }
            else if (days.Any(d => !Enum.IsDefined(d)))
            {
                yield return ($"{path}.days", "Days are monday to sunday.");
            }
            else if (days.Distinct().Count() != days.Length)
            {
                yield return ($"{path}.days", "A day is listed twice.");
            }
            if (window.Start.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                yield return ($"{path}.start", "Shift times are whole minutes.");
            }
            if (window.End.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                yield return ($"{path}.end", "Shift times are whole minutes.");
            }
            if (window.Start == window.End)
            {
                yield return ($"{path}.end", "A shift cannot end when it starts.");
            }
        }
    }

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(
        IReadOnlyList<ShiftWindow> pattern, TimeZoneInfo zone, DateOnly around, int daysBefore, int daysAfter)
    {
        for (var day = around.AddDays(-daysBefore); day <= around.AddDays(daysAfter); day = day.AddDays(1))
        {
            foreach (var window in pattern)
            {
                if (window.Days.IsDefaultOrEmpty || !window.Days.Contains(day.DayOfWeek))
                {
                    continue;
                }
                var endDay = window.End > window.Start ? day : day.AddDays(1);
                yield return (ToInstant(day.ToDateTime(window.Start), zone), ToInstant(endDay.ToDateTime(window.End), zone));
            }
        }
    }
}
