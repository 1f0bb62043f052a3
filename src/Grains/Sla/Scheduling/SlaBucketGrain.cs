using System.Diagnostics;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Diagnostics;
using AfterSales.Hosting;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla.Scheduling;

/// <summary>
/// The SLA instants of one time slot and shard: the durable half of live SLA clocks. From the slot's start its one
/// reminder ticks once a minute, and a one-shot timer wakes it at each instant less than a minute ahead; a tick wakes
/// every case whose instant has come and forgets the instant once the case answered. When the last entry is gone the
/// bucket clears its state, drops its reminder and deactivates.
/// </summary>
/// <remarks>
/// At-least-once: an instant leaves storage only after its case answered, so a duplicated tick, a failed write or a
/// silo lost mid-tick wakes the case again; the case records each milestone once (it remembers what it fired), so a
/// repeat is harmless. A case holds one entry per bucket (keyed by its number): registering again replaces it, and a
/// tick forgets an answered entry only if it was not replaced meanwhile. Ticks do not interleave; adds and removes do
/// and go through one write loop, so the state never changes while its write is awaited and a burst shares a write.
/// A tick reads only the due entries (a sorted in-memory index).
/// </remarks>
// A bucket of a slot still to come has nothing to do until its reminder wakes it: collected sooner than the default.
[CollectionAgeLimit(Minutes = 5)]
internal sealed class SlaBucketGrain(
    [PersistentState("sla-bucket", StorageNames.Main)] IPersistentState<SlaBucketState> state,
    IOptions<SlaClockOptions> options,
    AfterSalesMetrics metrics,
    TimeProvider time,
    ILogger<SlaBucketGrain> logger) : Grain, ISlaBucketGrain, IRemindable
{
    internal const string ReminderName = "sla-due";

    /// <summary>How often a non-empty bucket ticks from its slot's start (a reminder's minimum period): also how soon a
    /// case that failed to answer is woken again.</summary>
    internal static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(1);

    private readonly DueIndex _index = new();

    /// <summary>Cases whose last wake failed: retried by the reminder's next tick, not by the timer, so a failing case is
    /// asked once a minute rather than in a loop.</summary>
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private GroupCommit<Change>? _commit;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerAt;

    private SlaBucketState S => state.State;

    private GroupCommit<Change> Commit => _commit ??= new GroupCommit<Change>(ApplyAsync);

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var key in S.Entries.Keys)
        {
            _index.Add(S.Entries[key].FireAt, key);
        }
        ArmTimer();
        return Task.CompletedTask;
    }

    public Task AddAsync(SlaInstant due) => Commit.Submit(new Change(due, Remove: false));

    public Task RemoveAsync(SlaInstant due) => Commit.Submit(new Change(due, Remove: true));

    public Task<int> CountAsync() => Task.FromResult(S.Entries.Count);

    public async Task<SlaTick> TickAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var due = _index.DueBy(now).Select(key => S.Entries[key]).ToList();
        if (due.Count == 0)
        {
            if (S.Entries.Count == 0 && !Commit.HasPending)
            {
                // A reminder that outlived its entries (lost between clearing the state and dropping the reminder).
                await ForgetAsync();
            }
            ArmTimer();
            return new SlaTick(0, 0, 0, S.Entries.Count);
        }
        // Earliest first (the index's order): the most overdue entry says how late this tick is.
        metrics.SchedulerLag(SchedulerNames.Sla, due[0].FireAt, now);
        var (woken, failed, failure) = await WakeAsync(due);
        if (woken.Count > 0)
        {
            // Removed only if unchanged: a case that registered again in this bucket while it was woken keeps its new entry.
            await Commit.Submit(woken.Select(entry => new Change(entry, Remove: true)));
        }
        ArmTimer();
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.SlaBucketTicked(Key, woken.Count, due.Count, elapsedMs, S.Entries.Count);
        if (failure is not null)
        {
            logger.SlaWakesFailed(failure, Key, failed);
        }
        return new SlaTick(due.Count, woken.Count, failed, S.Entries.Count);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await TickSafelyAsync();
        }
    }

    /// <summary>Wakes the cases of <paramref name="due"/> with at most <see cref="SlaClockOptions.WakeConcurrency"/> in
    /// flight. Runs on the grain's scheduler: the workers share the cursor and lists without locks.</summary>
    private async Task<(List<SlaInstant> Woken, int Failed, Exception? FirstFailure)> WakeAsync(List<SlaInstant> due)
    {
        var woken = new List<SlaInstant>();
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
                    await GrainFactory.GetGrain<ICaseGrain>(entry.CaseNumber).OnSlaDueAsync(entry.FireAt);
                    _failed.Remove(entry.CaseNumber);
                    woken.Add(entry);
                }
                catch (Exception e)
                {
                    // Kept for the next tick: a timeout means the outcome is unknown, and the case records a milestone once.
                    _failed.Add(entry.CaseNumber);
                    failed++;
                    firstFailure ??= e;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Value.WakeConcurrency, due.Count)).Select(_ => WorkAsync()));
        return (woken, failed, firstFailure);
    }

    private async Task TickSafelyAsync()
    {
        try
        {
            await TickAsync();
        }
        catch (Exception e)
        {
            // Nothing is lost: entries leave storage only after their case answered.
            logger.SlaBucketTickFailed(e, Key);
        }
    }

    private async Task ApplyAsync(Change[] changes)
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
            var untilSlot = SlaBuckets.SlotOf(Key) - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(ReminderName, untilSlot > TimeSpan.Zero ? untilSlot : TimeSpan.Zero, TickPeriod);
            S.ReminderRegistered = true;
        }
        await state.WriteOrResetAsync(this);
        ArmTimer();
    }

    private bool Apply(Change change)
    {
        var key = change.Due.CaseNumber;
        _failed.Remove(key);
        var held = S.Entries.TryGetValue(key, out var current);
        if (change.Remove)
        {
            if (!held || current != change.Due)
            {
                return false;
            }
            S.Entries.Remove(key);
            _index.Remove(current!.FireAt, key);
            return true;
        }
        if (held && current == change.Due)
        {
            return false;
        }
        if (held)
        {
            _index.Remove(current!.FireAt, key);
        }
        S.Entries.Set(key, change.Due);
        _index.Add(change.Due.FireAt, key);
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
            DeactivateOnIdle();
            throw;
        }
        _index.Clear();
        _failed.Clear();
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        ArmTimer();
        if (!Commit.HasPending)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Wakes the bucket at the earliest instant of a case not yet tried when that comes before the reminder's
    /// next tick.</summary>
    private void ArmTimer()
    {
        var earliest = _failed.Count == 0 ? _index.Earliest : _index.EarliestExcept(_failed);
        var wait = earliest - time.GetUtcNow();
        if (earliest is null || wait >= TickPeriod)
        {
            _timerAt = null;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        if (_timerAt == earliest)
        {
            return;
        }
        _timer ??= this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _timer.Change(wait > TimeSpan.Zero ? wait.Value : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        _timerAt = earliest;
    }

    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _timerAt = null;
        return TickSafelyAsync();
    }

    private readonly record struct Change(SlaInstant Due, bool Remove);
}
