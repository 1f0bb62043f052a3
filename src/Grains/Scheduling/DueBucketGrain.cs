using System.Diagnostics;
using AfterSales.Diagnostics;
using AfterSales.Domain.Scheduling;
using AfterSales.Persistence;

namespace AfterSales.Scheduling;

/// <summary>
/// The mechanism of a bucketed durable scheduler, shared by the maintenance scheduler and live SLA clocks: one grain
/// holds the entries of one time slot and shard, one row each, and delivers each once its fire time has come. Each
/// scheduler says only what an entry is (its key and fire time) and what delivering it does.
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> A reminder is registered before the first entry is stored and ticks once a minute from the
/// slot's start; when the last entry goes the state is cleared first and the reminder dropped second, so a crash leaves
/// at worst a reminder that finds nothing, never an entry without a reminder. At least once: an entry leaves storage only
/// after its receiver accepted it, so a duplicated tick, a failed write or a silo lost mid-tick delivers it again.</para>
/// <para><b>Precision.</b> While the bucket is active a one-shot grain timer is set for the earliest fire time of an entry
/// whose delivery has not failed, however far ahead, and is set again after every change and at the end of every tick
/// from the clock at that moment. Ticks do not interleave, so an entry that falls due while a tick runs fires as that
/// tick ends; otherwise the timer fires it at its fire time. The minute reminder is the backstop for a lost activation
/// and the slow retry of failed deliveries, which timer ticks leave out so that a receiver that keeps failing or timing
/// out holds up no other entry.</para>
/// <para><b>Concurrency.</b> Changes interleave with ticks and go through one write loop (<see cref="GroupCommit{TChange}"/>):
/// the state never changes while its write is awaited, and a burst of changes shares a write.</para>
/// </remarks>
/// <typeparam name="TEntry">What the bucket holds until it is due (an immutable record).</typeparam>
/// <typeparam name="TState">The bucket's stored state.</typeparam>
internal abstract class DueBucketGrain<TEntry, TState>(IPersistentState<TState> state, AfterSalesMetrics metrics, TimeProvider time)
    : Grain, IRemindable
    where TEntry : class
    where TState : class, IDueBucketState<TEntry>
{
    private static readonly EqualityComparer<TEntry> Same = EqualityComparer<TEntry>.Default;

    private readonly DueSchedule _schedule = new();
    private GroupCommit<DueBucketChange<TEntry>>? _commit;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerAt;

    /// <summary>True while a tick runs. Orleans defers a timer change made while the timer's own tick runs until that
    /// tick ends, with the wait measured from the change, and a tick's end sets the timer anyway: so arming waits for
    /// the end of the tick and measures from the clock then.</summary>
    private bool _ticking;

    protected TState S => state.State;

    protected string Key => this.GetPrimaryKeyString();

    protected TimeProvider Time => time;

    /// <summary>The name of the bucket's reminder (frozen: stored reminders carry it).</summary>
    protected abstract string DueReminderName { get; }

    /// <summary>The scheduler's name in <see cref="AfterSalesMetrics.SchedulerLag"/>.</summary>
    protected abstract string SchedulerName { get; }

    /// <summary>Deliveries one tick keeps in flight.</summary>
    protected abstract int DeliveryConcurrency { get; }

    private GroupCommit<DueBucketChange<TEntry>> Commit => _commit ??= new GroupCommit<DueBucketChange<TEntry>>(ApplyAsync);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Rebuild();
        ArmTimer();
        return Task.CompletedTask;
    }

    public Task<int> CountAsync() => Task.FromResult(S.Entries.Count);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DueReminderName)
        {
            await TickSafelyAsync(retryFailed: true);
        }
    }

    /// <summary>The key of exactly-once inside the bucket (one row per key; holding it again replaces the entry).</summary>
    protected abstract string KeyOf(TEntry entry);

    protected abstract DateTimeOffset FireAtOf(TEntry entry);

    /// <summary>The start of the slot a bucket key names (its reminder's first tick).</summary>
    protected abstract DateTimeOffset SlotOf(string bucketKey);

    /// <summary>Hands <paramref name="entry"/> to its receiver; returning means accepted, throwing means the outcome is
    /// unknown (the entry is kept and retried by the next reminder tick).</summary>
    protected abstract Task DeliverAsync(TEntry entry);

    /// <summary>Reports a tick that had entries due.</summary>
    protected abstract void OnTicked(DueBucketTick tick, Exception? firstFailure);

    /// <summary>Reports a timer or reminder tick that threw (nothing is lost; the timer tries again shortly).</summary>
    protected abstract void OnTickFailed(Exception exception);

    /// <summary>Reports that the bucket emptied, cleared its state and dropped its reminder.</summary>
    protected virtual void OnEmptied()
    {
    }

    /// <summary>Applies <paramref name="changes"/> with the next write; completes when they are durable.</summary>
    protected Task SubmitAsync(IEnumerable<DueBucketChange<TEntry>> changes) => Commit.Submit(changes);

    /// <summary>A tick asked for by a call: delivers everything due, failed entries included, and throws what it met.</summary>
    protected Task<DueBucketTick> TickNowAsync() => RunTickAsync(retryFailed: true);

    private async Task TickSafelyAsync(bool retryFailed)
    {
        try
        {
            await RunTickAsync(retryFailed);
        }
        catch (Exception e)
        {
            // Nothing is lost: entries leave storage only after their receiver accepted them.
            OnTickFailed(e);
        }
    }

    private async Task<DueBucketTick> RunTickAsync(bool retryFailed)
    {
        _ticking = true;
        var threw = false;
        try
        {
            return await TickCoreAsync(retryFailed);
        }
        catch
        {
            threw = true;
            throw;
        }
        finally
        {
            _ticking = false;
            // Whatever the tick did or met, the timer is set from now for what is left; after a failure not at once, so a
            // failing store is not hammered.
            ArmTimer(force: true, notBefore: threw ? time.GetUtcNow() + DueBucketTimings.FailedTickRetryDelay : null);
        }
    }

    private async Task<DueBucketTick> TickCoreAsync(bool retryFailed)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var due = _schedule.DueBy(now, retryFailed).Select(key => S.Entries[key]).ToList();
        if (due.Count == 0)
        {
            if (S.Entries.Count == 0 && !Commit.HasPending)
            {
                // A reminder that outlived its entries (lost between clearing the state and dropping the reminder).
                await ForgetAsync();
            }
            return new DueBucketTick(0, 0, 0, S.Entries.Count, TimeSpan.Zero);
        }
        // Earliest first (the index's order): the most overdue entry says how late this tick is.
        metrics.SchedulerLag(SchedulerName, FireAtOf(due[0]), now);
        var (delivered, failed, firstFailure) = await DeliverAllAsync(due);
        if (delivered.Count > 0)
        {
            // Removed only if unchanged: an entry replaced under the same key while it was delivered is kept.
            await Commit.Submit(delivered.Select(entry => new DueBucketChange<TEntry>(entry, Remove: true, OnlyIfUnchanged: true)));
        }
        var tick = new DueBucketTick(due.Count, delivered.Count, failed, S.Entries.Count, Stopwatch.GetElapsedTime(started));
        OnTicked(tick, firstFailure);
        return tick;
    }

    /// <summary>Delivers <paramref name="due"/> with at most <see cref="DeliveryConcurrency"/> in flight. Runs on the
    /// grain's scheduler: the workers share the cursor and lists without locks.</summary>
    private async Task<(List<TEntry> Delivered, int Failed, Exception? FirstFailure)> DeliverAllAsync(List<TEntry> due)
    {
        var delivered = new List<TEntry>();
        var failed = 0;
        Exception? firstFailure = null;
        var cursor = 0;
        async Task WorkAsync()
        {
            while (cursor < due.Count)
            {
                var entry = due[cursor++];
                try
                {
                    await DeliverAsync(entry);
                    _schedule.Delivered(KeyOf(entry));
                    delivered.Add(entry);
                }
                catch (Exception e)
                {
                    // Kept for the next reminder tick: a timeout means the outcome is unknown, and receivers act once.
                    _schedule.Failed(KeyOf(entry));
                    failed++;
                    firstFailure ??= e;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(DeliveryConcurrency, due.Count)).Select(_ => WorkAsync()));
        return (delivered, failed, firstFailure);
    }

    private async Task ApplyAsync(DueBucketChange<TEntry>[] changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            changed |= Apply(change);
        }
        if (!changed)
        {
            return;
        }
        if (S.Entries.Count == 0)
        {
            await ForgetAsync();
            return;
        }
        if (!S.ReminderRegistered)
        {
            // Registered before the first entry is stored, so no stored entry is ever without a reminder.
            var untilSlot = SlotOf(Key) - time.GetUtcNow();
            try
            {
                await this.RegisterOrUpdateReminder(DueReminderName, untilSlot > TimeSpan.Zero ? untilSlot : TimeSpan.Zero, DueBucketTimings.TickPeriod);
            }
            catch
            {
                // Memory already holds changes storage never got: serve what storage holds instead.
                await ReloadAsync();
                throw;
            }
            S.ReminderRegistered = true;
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The write may or may not have landed: read back what storage holds, so memory never serves a change storage
            // lost, and stay active so that the timer keeps the firing bound (the callers see the failure).
            await ReloadAsync();
            throw;
        }
        ArmTimer();
    }

    /// <summary>Replaces memory with what storage holds after a failed write; when even the read fails the activation is
    /// dropped, and the reminder brings the bucket back from storage.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            return;
        }
        Rebuild();
        ArmTimer();
    }

    /// <summary>Indexes the stored entries by fire time (on activation, and after reading storage back).</summary>
    private void Rebuild()
    {
        _schedule.Clear();
        foreach (var key in S.Entries.Keys)
        {
            _schedule.Set(key, previous: null, FireAtOf(S.Entries[key]));
        }
    }

    private bool Apply(DueBucketChange<TEntry> change)
    {
        var key = KeyOf(change.Entry);
        _schedule.Renewed(key);
        var held = S.Entries.TryGetValue(key, out var current);
        if (change.Remove)
        {
            if (!held || (change.OnlyIfUnchanged && !Same.Equals(current, change.Entry)))
            {
                return false;
            }
            S.Entries.Remove(key);
            _schedule.Remove(key, FireAtOf(current!));
            return true;
        }
        if (held && Same.Equals(current, change.Entry))
        {
            return false;
        }
        S.Entries.Set(key, change.Entry);
        _schedule.Set(key, held ? FireAtOf(current!) : null, FireAtOf(change.Entry));
        return true;
    }

    /// <summary>Clears the stored state first and then drops the reminder: a crash in between leaves a reminder whose
    /// next tick finds nothing and drops it, never entries without a reminder.</summary>
    private async Task ForgetAsync()
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            await ReloadAsync();
            throw;
        }
        _schedule.Clear();
        if (await this.GetReminder(DueReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        ArmTimer();
        OnEmptied();
        if (!Commit.HasPending)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Sets the one-shot timer for the earliest fire time of an entry whose delivery has not failed (not before
    /// <paramref name="notBefore"/>), or stops it when there is none. During a tick it does nothing: the tick's end
    /// calls it with <paramref name="force"/>, which sets the timer even when <see cref="_timerAt"/> already names the
    /// instant, because a change Orleans deferred or a tick that fired it may have left the timer stopped.</summary>
    private void ArmTimer(bool force = false, DateTimeOffset? notBefore = null)
    {
        if (_ticking && !force)
        {
            return;
        }
        if (_schedule.NextWake is not { } next)
        {
            _timerAt = null;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var at = notBefore is { } floor && floor > next ? floor : next;
        if (!force && _timerAt == at)
        {
            return;
        }
        _timer ??= this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _timer.Change(DueSchedule.WaitUntil(at, time.GetUtcNow()), Timeout.InfiniteTimeSpan);
        _timerAt = at;
    }

    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _timerAt = null;
        return TickSafelyAsync(retryFailed: false);
    }
}
