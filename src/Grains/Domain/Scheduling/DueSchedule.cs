namespace AfterSales.Domain.Scheduling;

/// <summary>
/// The in-memory half of a bucketed scheduler: the keys of a bucket's entries in fire-time order (<see cref="DueIndex"/>)
/// and the keys whose last delivery failed. It answers what a tick delivers and when the bucket's one-shot timer must
/// wake it next. A failed key is left to the slow retry (the bucket's minute reminder) rather than to the timer, so an
/// entry whose receiver keeps failing or timing out neither makes the timer fire in a loop nor holds up every timer tick
/// while the other entries fall due.
/// </summary>
internal sealed class DueSchedule
{
    /// <summary>The longest a one-shot timer is set for: a grain timer takes at most about 49 days, and a bucket waiting
    /// that long is collected well before anyway (its reminder brings it back).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly DueIndex _index = new();
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    /// <summary>How many entries are held.</summary>
    public int Count => _index.Count;

    /// <summary>How many held keys failed their last delivery.</summary>
    public int FailedCount => _failed.Count;

    /// <summary>When the timer must wake the bucket: the earliest fire time of a key that has not failed, or null.</summary>
    public DateTimeOffset? NextWake => _failed.Count == 0 ? _index.Earliest : _index.EarliestExcept(_failed);

    /// <summary>Holds <paramref name="key"/> at <paramref name="fireAt"/>, moving it from <paramref name="previous"/> when
    /// it was held; a changed entry is delivered by the timer again even if its last delivery failed.</summary>
    public void Set(string key, DateTimeOffset? previous, DateTimeOffset fireAt)
    {
        if (previous is { } old)
        {
            _index.Remove(old, key);
        }
        _index.Add(fireAt, key);
        _failed.Remove(key);
    }

    /// <summary>Forgets <paramref name="key"/> held at <paramref name="fireAt"/>.</summary>
    public void Remove(string key, DateTimeOffset fireAt)
    {
        _index.Remove(fireAt, key);
        _failed.Remove(key);
    }

    /// <summary>A change for <paramref name="key"/> arrived (even one that changed nothing): its owner is alive again, so
    /// the timer may deliver it.</summary>
    public void Renewed(string key) => _failed.Remove(key);

    /// <summary>The delivery of <paramref name="key"/> succeeded.</summary>
    public void Delivered(string key) => _failed.Remove(key);

    /// <summary>The delivery of <paramref name="key"/> failed (an exception or a timeout: outcome unknown).</summary>
    public void Failed(string key) => _failed.Add(key);

    public bool HasFailed(string key) => _failed.Contains(key);

    /// <summary>The keys due by <paramref name="now"/>, earliest first; without <paramref name="retryFailed"/> the keys
    /// whose last delivery failed are left out (a timer tick), with it they are retried (a reminder tick).</summary>
    public List<string> DueBy(DateTimeOffset now, bool retryFailed)
    {
        var due = _index.DueBy(now);
        if (!retryFailed && _failed.Count > 0)
        {
            due.RemoveAll(_failed.Contains);
        }
        return due;
    }

    public void Clear()
    {
        _index.Clear();
        _failed.Clear();
    }

    /// <summary>How long a one-shot timer set at <paramref name="now"/> waits to fire at <paramref name="at"/>: never
    /// negative (a past instant fires at once) and at most <see cref="LongestWait"/> (a timer that fires early finds nothing
    /// due and is set again).</summary>
    public static TimeSpan WaitUntil(DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;
    }
}
