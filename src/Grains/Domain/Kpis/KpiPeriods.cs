using AfterSales.Kpis;

namespace AfterSales.Domain.Kpis;

/// <summary>Period arithmetic of the KPIs, all in UTC: the series' origin and bucket length, the backlog's age bands,
/// and the capacity hours of a period.</summary>
public static class KpiPeriods
{
    /// <summary>Ages at the period's end: under 1 day, 1–3 days, 3–7 days, 7–30 days, 30 days and over.</summary>
    public static readonly string[] AgeBands = ["under1d", "1to3d", "3to7d", "7to30d", "over30d"];

    /// <summary>The lower bounds of the bands after the first.</summary>
    public static readonly TimeSpan[] AgeBounds = [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>A technician's capacity per working day (Monday to Friday, UTC).</summary>
    public const double CapacityHoursPerWorkday = 8;

    public static int AgeBand(TimeSpan age)
    {
        var band = 0;
        while (band < AgeBounds.Length && age >= AgeBounds[band])
        {
            band++;
        }
        return band;
    }

    public static long BucketTicks(KpiGrouping grouping) => grouping == KpiGrouping.Week ? TimeSpan.TicksPerDay * 7 : TimeSpan.TicksPerDay;

    /// <summary>Where bucket 0 starts: the UTC midnight of <paramref name="from"/>'s day, for weeks the Monday of its week.</summary>
    public static DateTimeOffset Origin(DateTimeOffset from, KpiGrouping grouping)
    {
        var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        return grouping == KpiGrouping.Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
    }

    /// <summary>The bucket an instant falls in (instants before the origin never reach here: they are outside the period).</summary>
    public static long Bucket(DateTimeOffset at, DateTimeOffset origin, long bucketTicks) => (at.UtcTicks - origin.UtcTicks) / bucketTicks;

    /// <summary><see cref="CapacityHoursPerWorkday"/> × the working-day fraction of [from, to): each Monday–Friday UTC day
    /// counts by the share of its 24 hours inside the period.</summary>
    public static double CapacityHours(DateTimeOffset from, DateTimeOffset to)
    {
        var hours = 0.0;
        for (var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero); day < to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            var start = day < from ? from : day;
            var end = day.AddDays(1) > to ? to : day.AddDays(1);
            hours += (end - start).TotalHours / 24 * CapacityHoursPerWorkday;
        }
        return hours;
    }
}
