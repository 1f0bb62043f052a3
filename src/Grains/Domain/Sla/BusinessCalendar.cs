using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using AfterSales.Sla;
using NodaTime;
using NodaTime.TimeZones;

namespace AfterSales.Domain.Sla;

/// <summary>
/// Working time of a region: weekly hours read as wall-clock times in an IANA time zone, with holidays (closed, or
/// open shorter). Built from a validated <see cref="BusinessCalendarDefinition"/>.
/// </summary>
/// <remarks>Wall-clock hours on a day the clocks change: a start or end inside a skipped hour happens when the clocks
/// land after the jump; one inside a repeated hour happens at its first occurrence for a start and its second for an
/// end, so a working day that spans the change is one hour shorter (spring) or longer (autumn), as worked.</remarks>
internal sealed class BusinessCalendar : ITimeline
{
    /// <summary>How far a walk over the calendar goes before it gives up (a calendar closed that long counts nothing).</summary>
    public const int HorizonDays = 366 * 20;

    private static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private readonly ImmutableArray<WorkingHours>[] _week = new ImmutableArray<WorkingHours>[7];
    private readonly FrozenDictionary<LocalDate, ImmutableArray<WorkingHours>> _holidays;

    // The working stretches of each local date once resolved in the zone: every SLA evaluation walks the same few
    // days (resolving two local times a day was most of an evaluation's cost), and the calendar is immutable and
    // shared by every case of its region. Bounded: cleared when full (a full walk of the horizon fits).
    private readonly ConcurrentDictionary<LocalDate, TimeRange[]> _days = new();
    private const int MaxCachedDays = 8192;

    public BusinessCalendar(DateTimeZone zone, IEnumerable<WeeklyHours> week, IEnumerable<Holiday> holidays)
    {
        Zone = zone;
        foreach (var day in week.SelectMany(w => (w.Days.IsDefault ? [] : w.Days).Select(d => (Day: d, w.Hours))).GroupBy(w => w.Day))
        {
            _week[(int)day.Key] = [.. day.Select(w => w.Hours).OrderBy(h => h.FromMinute)];
        }
        for (var i = 0; i < _week.Length; i++)
        {
            _week[i] = _week[i].IsDefault ? [] : _week[i];
        }
        _holidays = holidays
            .GroupBy(h => LocalDate.FromDateOnly(h.Date))
            .ToFrozenDictionary(g => g.Key, g => Sorted(g.Last().Hours));
    }

    public DateTimeZone Zone { get; }

    private static ImmutableArray<WorkingHours> Sorted(ImmutableArray<WorkingHours> hours) =>
        hours.IsDefault ? [] : [.. hours.OrderBy(h => h.FromMinute)];

    /// <summary>The calendar of a validated definition (its zone id must be known to the TZDB provider).</summary>
    public static BusinessCalendar From(BusinessCalendarDefinition definition) => new(
        DateTimeZoneProviders.Tzdb[definition.TimeZone],
        definition.Week.IsDefault ? [] : definition.Week,
        definition.Holidays.IsDefault ? [] : definition.Holidays);

    /// <summary>The working hours of a local date: a holiday's own hours (none when closed) or the weekday's.</summary>
    public ImmutableArray<WorkingHours> HoursOn(LocalDate date) =>
        _holidays.TryGetValue(date, out var hours) ? hours : _week[(int)date.DayOfWeek % 7];

    public IEnumerable<TimeRange> CountingFrom(Instant from)
    {
        // The day before as well: a local day's hours may end after `from` when the zone's offset moved.
        var date = from.InZone(Zone).Date.PlusDays(-1);
        for (var day = 0; day < HorizonDays; day++, date = date.PlusDays(1))
        {
            foreach (var range in WorkingOn(date))
            {
                if (range.End <= from)
                {
                    continue;
                }
                yield return new TimeRange(range.Start < from ? from : range.Start, range.End);
            }
        }
    }

    /// <summary>The non-empty working stretches of a local date as instants, in order.</summary>
    private TimeRange[] WorkingOn(LocalDate date)
    {
        if (_days.TryGetValue(date, out var known))
        {
            return known;
        }
        var hours = HoursOn(date);
        var ranges = new List<TimeRange>(hours.Length);
        foreach (var stretch in hours)
        {
            var start = At(date, stretch.FromMinute, StartResolver);
            var end = At(date, stretch.ToMinute, EndResolver);
            if (end > start)
            {
                ranges.Add(new TimeRange(start, end));
            }
        }
        var resolved = ranges.ToArray();
        if (_days.Count >= MaxCachedDays)
        {
            _days.Clear();
        }
        _days.TryAdd(date, resolved);
        return resolved;
    }

    private Instant At(LocalDate date, int minute, ZoneLocalMappingResolver resolver) =>
        minute >= MinutesPerDay
            ? Zone.ResolveLocal(date.PlusDays(1).AtMidnight(), resolver).ToInstant()
            : Zone.ResolveLocal(date.At(LocalTime.FromMinutesSinceMidnight(minute)), resolver).ToInstant();

    private const int MinutesPerDay = 24 * 60;
}
