using NodaTime;

namespace AfterSales.Domain.Sla;

/// <summary>
/// Arithmetic over a <see cref="ITimeline"/> (business or calendar time) with pauses: time inside a pause never
/// counts. Pauses are sorted and do not overlap; an open pause ends at <see cref="Instant.MaxValue"/>.
/// </summary>
internal static class BusinessTime
{
    /// <summary>The instant at which <paramref name="duration"/> of counting time has passed since
    /// <paramref name="start"/>; <paramref name="start"/> itself for a zero duration; null when it is never reached
    /// (an open pause, or nothing counts within the timeline's horizon).</summary>
    public static Instant? Add(ITimeline timeline, Instant start, Duration duration, IReadOnlyList<TimeRange>? pauses = null)
    {
        if (duration <= Duration.Zero)
        {
            return start;
        }
        var remaining = duration;
        foreach (var piece in Counting(timeline, start, pauses ?? []))
        {
            if (piece.End == Instant.MaxValue || piece.Length >= remaining)
            {
                return piece.Start + remaining;
            }
            remaining -= piece.Length;
        }
        return null;
    }

    /// <summary>Counting time from <paramref name="from"/> to <paramref name="to"/> (zero when <paramref name="to"/>
    /// is not later).</summary>
    public static Duration Between(ITimeline timeline, Instant from, Instant to, IReadOnlyList<TimeRange>? pauses = null)
    {
        var total = Duration.Zero;
        if (to <= from)
        {
            return total;
        }
        foreach (var piece in Counting(timeline, from, pauses ?? []))
        {
            if (piece.Start >= to)
            {
                break;
            }
            total += (piece.End < to ? piece.End : to) - piece.Start;
        }
        return total;
    }

    /// <summary>Counting time inside the pauses between <paramref name="from"/> and <paramref name="to"/>: what the
    /// pauses took off the clock.</summary>
    public static Duration Paused(ITimeline timeline, Instant from, Instant to, IReadOnlyList<TimeRange> pauses) =>
        pauses.Count == 0 ? Duration.Zero : Between(timeline, from, to) - Between(timeline, from, to, pauses);

    /// <summary>The timeline's counting stretches from <paramref name="from"/> with the pauses cut out.</summary>
    private static IEnumerable<TimeRange> Counting(ITimeline timeline, Instant from, IReadOnlyList<TimeRange> pauses)
    {
        var next = 0;
        foreach (var range in timeline.CountingFrom(from))
        {
            var start = range.Start;
            while (next < pauses.Count && pauses[next].End <= start)
            {
                next++;
            }
            for (var p = next; p < pauses.Count && pauses[p].Start < range.End; p++)
            {
                if (pauses[p].Start > start)
                {
                    yield return new TimeRange(start, pauses[p].Start);
                }
                if (pauses[p].End >= range.End)
                {
                    start = range.End;
                    break;
                }
                if (pauses[p].End > start)
                {
                    start = pauses[p].End;
                }
            }
            if (start < range.End)
            {
                yield return new TimeRange(start, range.End);
            }
            if (range.End == Instant.MaxValue)
            {
                yield break;
            }
        }
    }
}
