using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Diagnostics;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>
/// The due entries of one time slot and shard. From the slot's start its one reminder ticks once a minute; each tick
/// hands the entries due by then to their devices and forgets each one only once its device acknowledged it. When the
/// last entry is gone the bucket clears its state, drops its reminder and deactivates.
/// </summary>
/// <remarks>
/// Exactly-once is the device's (it claims plan and period durably before opening a work order); the bucket
/// guarantees at-least-once: an entry is removed from storage only after its device returned, so a duplicated tick, a
/// failed write or a silo lost mid-tick hands it over again, never loses it. Ticks do not interleave (reminder and
/// timer turns are not reentrant); <see cref="AddAsync"/> and <see cref="RemoveAsync"/> do, and go through one write
/// loop, so the row-backed state never changes while a write is awaited and concurrent calls share a write.
/// A tick reads only the due entries (a sorted in-memory index), so its cost follows what is due, not what the bucket,
/// let alone the fleet, holds. Between reminder ticks a one-shot grain timer wakes the bucket at the next fire time
/// less than a minute away, so an entry is handed over within moments of its fire time rather than within a minute.
/// </remarks>
// A bucket of a slot still to come has nothing to do until its reminder wakes it: collected sooner than the default
// 15 minutes, so a fleet import does not keep every bucket in memory; a bucket in its slot is kept by its minute ticks.
[CollectionAgeLimit(Minutes = 5)]
internal sealed class MaintenanceBucketGrain(
    [PersistentState("maintenance-bucket", StorageNames.Main)] IPersistentState<MaintenanceBucketState> state,
    IOptions<MaintenanceSchedulerOptions> options,
    AfterSalesMetrics metrics,
    TimeProvider time,
    ILogger<MaintenanceBucketGrain> logger) : Grain, IMaintenanceBucketGrain, IRemindable
{
    internal const string ReminderName = "maintenance-due";

    /// <summary>How often a non-empty bucket ticks from its slot's start (a reminder's minimum period): the retry
    /// period of a hand-over that failed.</summary>
    internal static readonly TimeSpan TickPeriod = TimeSpan.FromMinutes(1);

    private readonly DueIndex _index = new();

    /// <summary>Keys whose last hand-over failed: retried by the reminder's next tick, not by the timer, so a device that
    /// keeps failing is asked once a minute rather than in a loop.</summary>
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private GroupCommit<Change>? _commit;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerAt;

    private MaintenanceBucketState S => state.State;

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

    public Task AddAsync(ImmutableArray<MaintenanceDue> entries) => Submit(entries.Select(due => new Change(due, Remove: false, OnlyIfUnchanged: false)));

    public Task RemoveAsync(ImmutableArray<MaintenanceDue> entries) => Submit(entries.Select(due => new Change(due, Remove: true, OnlyIfUnchanged: false)));

    public Task<int> CountAsync() => Task.FromResult(S.Entries.Count);

    public async Task<MaintenanceTick> TickAsync()
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
            return new MaintenanceTick(0, 0, 0, S.Entries.Count, TimeSpan.Zero);
        }
        // Earliest first (the index's order): the most overdue entry says how late this tick is.
        metrics.SchedulerLag(SchedulerNames.Maintenance, due[0].FireAt, now);
        var handOver = await HandOverAsync(due);
        if (handOver.Acknowledged.Count > 0)
        {
            // Removed only if unchanged: a device that rescheduled the same plan and period meanwhile keeps its new entry.
            await Submit(handOver.Acknowledged.Select(entry => new Change(entry, Remove: true, OnlyIfUnchanged: true)));
        }
        ArmTimer();
        var tick = new MaintenanceTick(due.Count, handOver.Acknowledged.Count, handOver.Failed, S.Entries.Count, Stopwatch.GetElapsedTime(started));
        MaintenanceSchedulerMetrics.TickDuration.Record(tick.Elapsed.TotalMilliseconds);
        MaintenanceSchedulerMetrics.TickSize.Record(tick.Due);
        logger.Ticked(Key, tick.Acknowledged, tick.Due, tick.Elapsed.TotalMilliseconds, tick.Remaining);
        if (handOver.FirstFailure is { } failure)
        {
            MaintenanceSchedulerMetrics.HandOverFailures.Add(handOver.Failed);
            logger.HandOversFailed(failure, Key, handOver.Failed);
        }
        return tick;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await TickSafelyAsync();
        }
    }

    /// <summary>Hands <paramref name="due"/> to the devices with at most <see cref="MaintenanceSchedulerOptions.HandOverConcurrency"/>
    /// in flight. Runs on the grain's scheduler: the workers share the cursor and lists without locks.</summary>
    private async Task<HandOverOutcome> HandOverAsync(List<MaintenanceDue> due)
    {
        var outcome = new HandOverOutcome();
        var cursor = 0;
        async Task WorkAsync()
        {
            while (cursor < due.Count)
            {
                var entry = due[cursor++];
                try
                {
                    await GrainFactory.GetGrain<IDeviceGrain>(entry.Serial).OnMaintenanceDueAsync(entry);
                    _failed.Remove(MaintenanceBuckets.EntryKey(entry));
                    outcome.Acknowledged.Add(entry);
                    MaintenanceSchedulerMetrics.EmissionDelay.Record((time.GetUtcNow() - entry.FireAt).TotalSeconds);
                }
                catch (Exception e)
                {
                    // Kept for the next tick: a timeout means the outcome is unknown, and the device's claim makes a repeat harmless.
                    _failed.Add(MaintenanceBuckets.EntryKey(entry));
                    outcome.Failed++;
                    outcome.FirstFailure ??= e;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Value.HandOverConcurrency, due.Count)).Select(_ => WorkAsync()));
        return outcome;
    }

    private async Task TickSafelyAsync()
    {
        try
        {
            await TickAsync();
        }
        catch (Exception e)
        {
            // Nothing is lost: entries leave storage only after their device acknowledged them.
            logger.TickFailed(e, Key);
        }
    }

    private Task Submit(IEnumerable<Change> changes) => Commit.Submit(changes);

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
            var untilSlot = MaintenanceBuckets.SlotOf(Key) - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(ReminderName, untilSlot > TimeSpan.Zero ? untilSlot : TimeSpan.Zero, TickPeriod);
            S.ReminderRegistered = true;
        }
        await state.WriteOrResetAsync(this);
        ArmTimer();
    }

    private bool Apply(Change change)
    {
        var key = MaintenanceBuckets.EntryKey(change.Due);
        _failed.Remove(key);
        var held = S.Entries.TryGetValue(key, out var current);
        if (!change.Remove)
        {
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
        if (!held || (change.OnlyIfUnchanged && current != change.Due))
        {
            return false;
        }
        S.Entries.Remove(key);
        _index.Remove(current!.FireAt, key);
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
        logger.Emptied(Key);
        if (!Commit.HasPending)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Wakes the bucket at the earliest fire time of an entry not yet tried when that comes before the
    /// reminder's next tick.</summary>
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

    private readonly record struct Change(MaintenanceDue Due, bool Remove, bool OnlyIfUnchanged);

    private sealed class HandOverOutcome
    {
        public List<MaintenanceDue> Acknowledged { get; } = [];

        public int Failed { get; set; }

        public Exception? FirstFailure { get; set; }
    }
}
