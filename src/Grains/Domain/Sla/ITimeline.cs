using NodaTime;

namespace AfterSales.Domain.Sla;

/// <summary>Which stretches of time count for a clock.</summary>
internal interface ITimeline
{
    /// <summary>The counting stretches that end after <paramref name="from"/>, in order, clipped to start no earlier
    /// than it; the sequence ends when nothing counts within the timeline's horizon.</summary>
    IEnumerable<TimeRange> CountingFrom(Instant from);
}

/// <summary>Calendar time: every instant counts.</summary>
internal sealed class CalendarTimeline : ITimeline
{
    public static readonly CalendarTimeline Instance = new();

    private CalendarTimeline()
    {
    }

    public IEnumerable<TimeRange> CountingFrom(Instant from)
    {
        yield return new TimeRange(from, Instant.MaxValue);
    }
}
