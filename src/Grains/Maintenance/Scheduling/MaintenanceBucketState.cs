using AfterSales.Persistence;
using AfterSales.Scheduling;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>Durable state of <see cref="MaintenanceBucketGrain"/>: the due entries of one slot and shard, one row each
/// (so a write costs what changed, not what the bucket holds), and whether its reminder is registered.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.MaintenanceBucketState")]
internal sealed class MaintenanceBucketState : IDueBucketState<MaintenanceDue>
{
    /// <summary>True once the bucket's reminder is registered (before its first entry is stored).</summary>
    [Id(0)] public bool ReminderRegistered { get; set; }

    /// <summary>The entries not yet acknowledged by their device, keyed by serial, plan and period (rows).</summary>
    [field: NonSerialized]
    public StateRows<MaintenanceDue> Entries { get; } = new("due");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Entries];

    EventJournal? IRowBackedState.Journal => null;
}
