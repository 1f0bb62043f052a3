using AfterSales.Persistence;
using AfterSales.Scheduling;

namespace AfterSales.Sla.Scheduling;

/// <summary>Durable state of <see cref="SlaBucketGrain"/>: one row per case (a write costs what changed, not what the
/// bucket holds), and whether its reminder is registered.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.SlaBucketState")]
internal sealed class SlaBucketState : IDueBucketState<SlaInstant>
{
    /// <summary>True once the bucket's reminder is registered (before its first entry is stored).</summary>
    [Id(0)] public bool ReminderRegistered { get; set; }

    /// <summary>The instants not yet answered by their case, keyed by case number (rows).</summary>
    [field: NonSerialized]
    public StateRows<SlaInstant> Entries { get; } = new("due");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Entries];

    EventJournal? IRowBackedState.Journal => null;
}
