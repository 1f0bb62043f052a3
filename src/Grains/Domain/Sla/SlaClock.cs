using System.Collections.Immutable;
using AfterSales.Sla;
using NodaTime;

namespace AfterSales.Domain.Sla;

/// <summary>The targets a case got from its rule, and the warning point in percent of each.</summary>
internal sealed record SlaTerms(SlaTarget FirstResponse, SlaTarget NextUpdate, SlaTarget Resolution, int WarningPercent);

/// <summary>When a case's clocks started and stopped.</summary>
/// <param name="OpenedAt">The first-response and resolution clocks start here.</param>
/// <param name="FirstResponseAt">Stops the first-response clock.</param>
/// <param name="LastUpdateAt">The latest update to the customer (the first response or a customer-visible note):
/// the next-update clock runs from here.</param>
/// <param name="StoppedAt">Resolution or cancellation: stops every clock.</param>
/// <param name="Pauses">Closed pauses in order (waiting for the customer; the time a case spent resolved before a reopen).</param>
/// <param name="PausedSince">The start of the pause under way, if any.</param>
internal sealed record SlaTimes(
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? LastUpdateAt,
    DateTimeOffset? StoppedAt,
    ImmutableArray<TimeRange> Pauses,
    DateTimeOffset? PausedSince);

/// <summary>
/// The SLA clock of one case, evaluated at an instant: per target the elapsed time (pauses excluded), the due and
/// warning instants, met or missed, and the state; overall the worst state and <see cref="NextDueAt"/>, the next
/// instant at which something falls due — the seam a scheduler plugs into (wake the case then, evaluate again).
/// </summary>
internal sealed record SlaClock(
    SlaTargetStatus FirstResponse,
    SlaTargetStatus NextUpdate,
    SlaTargetStatus Resolution,
    SlaState State,
    bool Paused,
    TimeSpan ElapsedBusinessTime,
    TimeSpan PausedBusinessTime,
    DateTimeOffset? NextDueAt)
{
    /// <summary>The clock of a case with <paramref name="terms"/> and <paramref name="times"/> at <paramref name="now"/>,
    /// business time counted on <paramref name="business"/>.</summary>
    public static SlaClock Evaluate(SlaTerms terms, SlaTimes times, ITimeline business, DateTimeOffset now)
    {
        var stop = times.StoppedAt;
        var paused = stop is null && times.PausedSince is not null;
        var nowInstant = Instant.FromDateTimeOffset(now);
        // Elapsed time counts up to now, so a pause under way ends now; due times lie ahead, so it has no end yet.
        var pausesToNow = WithOpenPause(times, nowInstant);
        var pausesAhead = WithOpenPause(times, Instant.MaxValue);
        var firstResponse = Target(terms.FirstResponse, terms.WarningPercent, times.OpenedAt, times.FirstResponseAt ?? stop, pausesToNow, pausesAhead, business, now);
        var nextUpdate = Target(terms.NextUpdate, terms.WarningPercent, times.LastUpdateAt, stop, pausesToNow, pausesAhead, business, now);
        var resolution = Target(terms.Resolution, terms.WarningPercent, times.OpenedAt, stop, pausesToNow, pausesAhead, business, now);
        var opened = Instant.FromDateTimeOffset(times.OpenedAt);
        var end = stop is { } s ? Instant.FromDateTimeOffset(s) : nowInstant;
        DateTimeOffset? next = null;
        foreach (var status in new[] { firstResponse, nextUpdate, resolution })
        {
            if (status.StoppedAt is null)
            {
                foreach (var at in new[] { status.WarningAt, status.DueAt })
                {
                    if (at > now && (next is null || at < next))
                    {
                        next = at;
                    }
                }
            }
        }
        return new SlaClock(firstResponse, nextUpdate, resolution,
            (SlaState)Math.Max((int)firstResponse.State, Math.Max((int)nextUpdate.State, (int)resolution.State)),
            paused,
            BusinessTime.Between(business, opened, end, pausesToNow).ToTimeSpan(),
            BusinessTime.Paused(business, opened, end, pausesToNow).ToTimeSpan(),
            next);
    }

    /// <summary>The share <paramref name="percent"/> of <paramref name="target"/>, to the whole second.</summary>
    public static TimeSpan WarningPoint(TimeSpan target, int percent) =>
        TimeSpan.FromSeconds(Math.Floor(target.TotalSeconds * percent / 100));

    private static SlaTargetStatus Target(SlaTarget target, int warningPercent, DateTimeOffset? startedAt, DateTimeOffset? stoppedAt,
        ImmutableArray<TimeRange> pausesToNow, ImmutableArray<TimeRange> pausesAhead, ITimeline business, DateTimeOffset now)
    {
        if (startedAt is not { } started)
        {
            return new SlaTargetStatus(target, null, null, null, null, TimeSpan.Zero, null, SlaState.Ok);
        }
        var timeline = target.Clock == SlaClockMode.Calendar ? CalendarTimeline.Instance : business;
        var start = Instant.FromDateTimeOffset(started);
        var end = Instant.FromDateTimeOffset(stoppedAt ?? now);
        var pauses = stoppedAt is null ? pausesAhead : pausesToNow;
        var elapsed = BusinessTime.Between(timeline, start, end, pausesToNow).ToTimeSpan();
        var warning = WarningPoint(target.Duration, warningPercent);
        var due = BusinessTime.Add(timeline, start, Duration.FromTimeSpan(target.Duration), pauses);
        var warningAt = BusinessTime.Add(timeline, start, Duration.FromTimeSpan(warning), pauses);
        var breached = elapsed > target.Duration || (stoppedAt is null && elapsed == target.Duration);
        var state = breached ? SlaState.Breached : stoppedAt is null && elapsed >= warning ? SlaState.Warning : SlaState.Ok;
        bool? met = stoppedAt is not null ? !breached : breached ? false : null;
        return new SlaTargetStatus(target, started, due?.ToDateTimeOffset(), warningAt?.ToDateTimeOffset(), stoppedAt, elapsed, met, state);
    }

    private static ImmutableArray<TimeRange> WithOpenPause(SlaTimes times, Instant openEnd)
    {
        var pauses = times.Pauses.IsDefault ? [] : times.Pauses;
        if (times.PausedSince is not { } since || times.StoppedAt is not null)
        {
            return pauses;
        }
        var start = Instant.FromDateTimeOffset(since);
        return openEnd > start ? pauses.Add(new TimeRange(start, openEnd)) : pauses;
    }
}
