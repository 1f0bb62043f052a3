namespace AfterSales.Scheduling;

/// <summary>What one tick of a <see cref="DueBucketGrain{TEntry, TState}"/> did; each scheduler answers it in its own
/// contract type.</summary>
/// <param name="Due">Entries due at the tick (and tried).</param>
/// <param name="Delivered">Entries their receiver accepted (then forgotten).</param>
/// <param name="Failed">Entries whose delivery failed (kept for the next reminder tick).</param>
/// <param name="Remaining">Entries the bucket holds after the tick.</param>
/// <param name="Elapsed">The tick's duration.</param>
internal readonly record struct DueBucketTick(int Due, int Delivered, int Failed, int Remaining, TimeSpan Elapsed);

/// <summary>A change a bucket's callers (or its own tick) submit to its write loop.</summary>
/// <param name="Entry">The entry to hold or forget.</param>
/// <param name="Remove">Forget rather than hold.</param>
/// <param name="OnlyIfUnchanged">Forget only if the bucket still holds exactly <paramref name="Entry"/> under its key (not an
/// entry that replaced it meanwhile).</param>
internal readonly record struct DueBucketChange<TEntry>(TEntry Entry, bool Remove, bool OnlyIfUnchanged)
    where TEntry : class;

/// <summary>The fixed periods of every <see cref="DueBucketGrain{TEntry, TState}"/>.</summary>
internal static class DueBucketTimings
{
    /// <summary>How often a non-empty bucket's reminder ticks from its slot's start (a reminder's minimum period): the
    /// backstop that brings a lost activation back, and the retry period of a delivery that failed.</summary>
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How soon the timer tries again after a tick that threw (a failed write, an unreachable reminder service):
    /// soon enough to keep the firing bound, not so soon that a failing store is hammered.</summary>
    public static readonly TimeSpan FailedTickRetryDelay = TimeSpan.FromSeconds(1);
}
