using AfterSales.Cases;
using AfterSales.Diagnostics;
using AfterSales.Hosting;
using AfterSales.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla.Scheduling;

/// <summary>
/// The SLA instants of one time slot and shard: the durable half of live SLA clocks. A tick wakes every case whose
/// instant has come and forgets the instant once the case answered; the timing, storage and retries are those of every
/// bucketed scheduler (<see cref="DueBucketGrain{TEntry, TState}"/>).
/// </summary>
/// <remarks>
/// A case holds one entry per bucket (keyed by its number): registering again replaces it, and removing it (as the
/// case does when its next instant moved elsewhere) forgets it only if it is still the instant named. A repeated wake is
/// harmless: the case remembers which milestones it recorded.
/// </remarks>
// A bucket of a slot still to come has nothing to do until its reminder wakes it: collected sooner than the default.
[CollectionAgeLimit(Minutes = 5)]
internal sealed class SlaBucketGrain(
    [PersistentState("sla-bucket", StorageNames.Main)] IPersistentState<SlaBucketState> state,
    IOptions<SlaClockOptions> options,
    AfterSalesMetrics metrics,
    TimeProvider time,
    ILogger<SlaBucketGrain> logger) : DueBucketGrain<SlaInstant, SlaBucketState>(state, metrics, time), ISlaBucketGrain
{
    internal const string ReminderName = "sla-due";

    protected override string DueReminderName => ReminderName;

    protected override string SchedulerName => SchedulerNames.Sla;

    protected override int DeliveryConcurrency => options.Value.WakeConcurrency;

    public Task AddAsync(SlaInstant due) => SubmitAsync([new(due, Remove: false, OnlyIfUnchanged: false)]);

    public Task RemoveAsync(SlaInstant due) => SubmitAsync([new(due, Remove: true, OnlyIfUnchanged: true)]);

    public async Task<SlaTick> TickAsync()
    {
        var tick = await TickNowAsync();
        return new SlaTick(tick.Due, tick.Delivered, tick.Failed, tick.Remaining);
    }

    protected override string KeyOf(SlaInstant entry) => entry.CaseNumber;

    protected override DateTimeOffset FireAtOf(SlaInstant entry) => entry.FireAt;

    protected override DateTimeOffset SlotOf(string bucketKey) => SlaBuckets.SlotOf(bucketKey);

    protected override Task DeliverAsync(SlaInstant entry) =>
        GrainFactory.GetGrain<ICaseGrain>(entry.CaseNumber).OnSlaDueAsync(entry.FireAt);

    protected override void OnTicked(DueBucketTick tick, Exception? firstFailure)
    {
        logger.SlaBucketTicked(Key, tick.Delivered, tick.Due, tick.Elapsed.TotalMilliseconds, tick.Remaining);
        if (firstFailure is not null)
        {
            logger.SlaWakesFailed(firstFailure, Key, tick.Failed);
        }
    }

    protected override void OnTickFailed(Exception exception) => logger.SlaBucketTickFailed(exception, Key);
}
