namespace AfterSales.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: exponential backoff with jitter. After the n-th failed attempt the nominal
/// wait is <see cref="BaseDelay"/> × 2^(n−1), capped at <see cref="MaxDelay"/>; the wait used is between half of it and
/// all of it ("equal jitter"), so receivers that failed together are not retried together, and a wait never collapses
/// to nothing. After <see cref="MaxAttempts"/> attempts the event is dead-lettered.
/// </summary>
/// <param name="BaseDelay">The nominal wait after the first failure.</param>
/// <param name="MaxDelay">The longest nominal wait.</param>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
public sealed record RetrySchedule(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>The nominal wait after <paramref name="failedAttempts"/> failures (1 or more), before jitter.</summary>
    public TimeSpan NominalDelay(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // 2^62 ticks would overflow; the cap is reached long before.
        var doublings = Math.Min(failedAttempts - 1, 40);
        var ticks = BaseDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after <paramref name="failedAttempts"/> failures; <paramref name="jitter"/> is a random
    /// number in [0, 1) (0 gives half the nominal wait, towards 1 the whole of it).</summary>
    public TimeSpan Delay(int failedAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        var nominal = NominalDelay(failedAttempts);
        return TimeSpan.FromTicks((long)(nominal.Ticks * (0.5 + (jitter / 2))));
    }

    /// <summary>True when <paramref name="attempts"/> attempts were made and none may follow.</summary>
    public bool IsExhausted(int attempts) => attempts >= MaxAttempts;
}
