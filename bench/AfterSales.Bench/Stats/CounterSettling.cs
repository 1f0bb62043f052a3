namespace AfterSales.Bench.Stats;

/// <summary>
/// Decides when PostgreSQL's table statistics have caught up with the writes of a phase. A PostgreSQL 15 backend keeps
/// its counts in local memory and flushes them to the shared statistics when it goes idle, at most once a second; one
/// that flushed less than a second before going idle waits for its idle timeout, 10 s (<c>PGSTAT_IDLE_INTERVAL</c>),
/// and no backend keeps counts pending longer than 60 s (<c>PGSTAT_MAX_INTERVAL</c>). <c>pg_stat_force_next_flush()</c>
/// flushes only the backend that calls it, not the silos' pooled connections. So after the load stops the counters
/// can stand still for up to 10 s and then move: they have settled only once they stood still for longer than that.
/// </summary>
/// <param name="quiet">How long the counters must stand still (default 11 s: the idle interval and a poll's margin).</param>
/// <param name="bound">How long to wait at most (default 60 s: the longest a backend keeps counts pending).</param>
internal sealed class CounterSettling(TimeSpan? quiet = null, TimeSpan? bound = null)
{
    /// <summary>Tables written on a timer whatever the load: each silo's membership heartbeat (<c>IAmAlive</c>) updates
    /// its row every few seconds. They are still counted, but waiting for them to stand still would never end.</summary>
    public static readonly IReadOnlyList<string> TimerTables = ["membership", "membership_version"];

    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromSeconds(11);
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(60);

    private TimeSpan? _started;
    private TimeSpan _stillSince;
    private long? _last;

    public TimeSpan Quiet { get; } = quiet ?? DefaultQuiet;

    public TimeSpan Bound { get; } = bound ?? DefaultBound;

    /// <summary>True once the counters stood still for <see cref="Quiet"/>.</summary>
    public bool Settled { get; private set; }

    /// <summary>True once <see cref="Bound"/> passed without the counters settling.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>Time from the first sample to the last.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Takes one sample: the counters of every table but the <see cref="TimerTables"/>.</summary>
    public bool Observe(TimeSpan now, TableWriteTally tally) => Observe(now, tally.Without(TimerTables).Writes);

    /// <summary>Takes one sample (the total of the counters at <paramref name="now"/>, any monotonic clock); true when
    /// polling should stop (settled or given up).</summary>
    public bool Observe(TimeSpan now, long total)
    {
        _started ??= now;
        Waited = now - _started.Value;
        if (_last != total)
        {
            _last = total;
            _stillSince = now;
        }
        Settled = now - _stillSince >= Quiet;
        GaveUp = !Settled && Waited >= Bound;
        return Settled || GaveUp;
    }
}
