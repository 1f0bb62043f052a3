using System.Collections.Immutable;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>The due entries of one time slot and shard (key from <see cref="MaintenanceBuckets.Key"/>), handed to their
/// devices once due. Holds one reminder while it holds entries.</summary>
[Alias("AfterSales.IMaintenanceBucketGrain")]
internal interface IMaintenanceBucketGrain : IGrainWithStringKey
{
    /// <summary>Stores the entries (an entry already held under the same serial, plan and period is replaced); durable
    /// when it returns. Concurrent calls share one write.</summary>
    [AlwaysInterleave, Alias("Add")]
    Task AddAsync(ImmutableArray<MaintenanceDue> entries);

    /// <summary>Forgets the entries held under the same serial, plan and period (idempotent); durable when it returns.</summary>
    [AlwaysInterleave, Alias("Remove")]
    Task RemoveAsync(ImmutableArray<MaintenanceDue> entries);

    /// <summary>What the reminder does: hands every entry due by now to its device, a bounded number at a time, and
    /// forgets those the device acknowledged. Entries not acknowledged stay for the next tick.</summary>
    [Alias("Tick")]
    Task<MaintenanceTick> TickAsync();

    /// <summary>How many entries the bucket holds.</summary>
    [ReadOnly, AlwaysInterleave, Alias("Count")]
    Task<int> CountAsync();
}

/// <summary>What one tick of a bucket did.</summary>
/// <param name="Due">Entries due at the tick.</param>
/// <param name="Acknowledged">Entries their device acknowledged (then forgotten).</param>
/// <param name="Failed">Entries whose hand-over failed (kept for the next tick).</param>
/// <param name="Remaining">Entries the bucket holds after the tick.</param>
/// <param name="Elapsed">The tick's duration.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenanceTick")]
internal sealed record MaintenanceTick(
    [property: Id(0)] int Due,
    [property: Id(1)] int Acknowledged,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Remaining,
    [property: Id(4)] TimeSpan Elapsed);
