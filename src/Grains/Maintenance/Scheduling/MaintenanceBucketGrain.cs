using System.Collections.Immutable;
using AfterSales.Devices;
using AfterSales.Diagnostics;
using AfterSales.Hosting;
using AfterSales.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>
/// The due entries of one time slot and shard: a tick hands the entries due by then to their devices and forgets each
/// one only once its device acknowledged it; the timing, storage and retries are those of every bucketed scheduler
/// (<see cref="DueBucketGrain{TEntry, TState}"/>).
/// </summary>
/// <remarks>
/// Exactly-once is the device's (it claims plan and period durably before opening a work order); the bucket guarantees
/// at-least-once. An entry is keyed by serial, plan and period: scheduling it again replaces it, cancelling forgets
/// whatever is held under that key.
/// </remarks>
// A bucket of a slot still to come has nothing to do until its reminder wakes it: collected sooner than the default
// 15 minutes, so a fleet import does not keep every bucket in memory; a bucket in its slot is kept by its minute ticks.
[CollectionAgeLimit(Minutes = 5)]
internal sealed class MaintenanceBucketGrain(
    [PersistentState("maintenance-bucket", StorageNames.Main)] IPersistentState<MaintenanceBucketState> state,
    IOptions<MaintenanceSchedulerOptions> options,
    AfterSalesMetrics metrics,
    TimeProvider time,
    ILogger<MaintenanceBucketGrain> logger)
    : DueBucketGrain<MaintenanceDue, MaintenanceBucketState>(state, metrics, time), IMaintenanceBucketGrain
{
    internal const string ReminderName = "maintenance-due";

    protected override string DueReminderName => ReminderName;

    protected override string SchedulerName => SchedulerNames.Maintenance;

    protected override int DeliveryConcurrency => options.Value.HandOverConcurrency;

    public Task AddAsync(ImmutableArray<MaintenanceDue> entries) =>
        SubmitAsync(entries.Select(due => new DueBucketChange<MaintenanceDue>(due, Remove: false, OnlyIfUnchanged: false)));

    public Task RemoveAsync(ImmutableArray<MaintenanceDue> entries) =>
        SubmitAsync(entries.Select(due => new DueBucketChange<MaintenanceDue>(due, Remove: true, OnlyIfUnchanged: false)));

    public async Task<MaintenanceTick> TickAsync()
    {
        var tick = await TickNowAsync();
        return new MaintenanceTick(tick.Due, tick.Delivered, tick.Failed, tick.Remaining, tick.Elapsed);
    }

    protected override string KeyOf(MaintenanceDue entry) => MaintenanceBuckets.EntryKey(entry);

    protected override DateTimeOffset FireAtOf(MaintenanceDue entry) => entry.FireAt;

    protected override DateTimeOffset SlotOf(string bucketKey) => MaintenanceBuckets.SlotOf(bucketKey);

    protected override async Task DeliverAsync(MaintenanceDue entry)
    {
        await GrainFactory.GetGrain<IDeviceGrain>(entry.Serial).OnMaintenanceDueAsync(entry);
        MaintenanceSchedulerMetrics.EmissionDelay.Record((Time.GetUtcNow() - entry.FireAt).TotalSeconds);
    }

    protected override void OnTicked(DueBucketTick tick, Exception? firstFailure)
    {
        MaintenanceSchedulerMetrics.TickDuration.Record(tick.Elapsed.TotalMilliseconds);
        MaintenanceSchedulerMetrics.TickSize.Record(tick.Due);
        logger.Ticked(Key, tick.Delivered, tick.Due, tick.Elapsed.TotalMilliseconds, tick.Remaining);
        if (firstFailure is not null)
        {
            MaintenanceSchedulerMetrics.HandOverFailures.Add(tick.Failed);
            logger.HandOversFailed(firstFailure, Key, tick.Failed);
        }
    }

    protected override void OnTickFailed(Exception exception) => logger.TickFailed(exception, Key);

    protected override void OnEmptied() => logger.Emptied(Key);
}
