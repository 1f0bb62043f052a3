using AfterSales.Hosting;
using AfterSales.Maintenance.Scheduling;
using Microsoft.Extensions.Options;

namespace AfterSales.Maintenance;

/// <summary>Front of the maintenance scheduler (see <see cref="IMaintenanceScheduleGrain"/>): a stateless worker that
/// puts each entry in the bucket of its fire time's slot and its device's shard, so no single grain sees every
/// schedule call.</summary>
[StatelessWorker]
internal sealed class MaintenanceScheduleGrain(IOptions<MaintenanceSchedulerOptions> options) : Grain, IMaintenanceScheduleGrain
{
    /// <summary>Buckets a bulk call writes at once.</summary>
    private const int BucketsInFlight = 64;

    public Task ScheduleAsync(MaintenanceDue due) => Bucket(KeyOf(due)).AddAsync([due]);

    public Task CancelAsync(MaintenanceDue due) => Bucket(KeyOf(due)).RemoveAsync([due]);

    public async Task ScheduleManyAsync(IReadOnlyList<MaintenanceDue> entries)
    {
        var buckets = entries.GroupBy(KeyOf).ToArray();
        for (var i = 0; i < buckets.Length; i += BucketsInFlight)
        {
            await Task.WhenAll(buckets.Skip(i).Take(BucketsInFlight).Select(bucket => Bucket(bucket.Key).AddAsync([.. bucket])));
        }
    }

    private string KeyOf(MaintenanceDue due)
    {
        MaintenanceDueRules.ThrowIfInvalid(due);
        return MaintenanceBuckets.KeyOf(due, options.Value.SlotLength, options.Value.Shards);
    }

    private IMaintenanceBucketGrain Bucket(string key) => GrainFactory.GetGrain<IMaintenanceBucketGrain>(key);
}
