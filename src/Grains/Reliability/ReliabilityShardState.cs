using AfterSales.Persistence;

namespace AfterSales.Reliability;

/// <summary>Durable state of <see cref="ReliabilityShardGrain"/>: the running totals in the record, and the facts they
/// were summed from, one row per case and per device (a replacing fact takes its predecessor's share away).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ReliabilityShardState")]
internal sealed class ReliabilityShardState : IRowBackedState
{
    [Id(0)] public ReliabilityTotals Totals { get; set; } = ReliabilityTotals.Zero;

    /// <summary>The latest fact of each case, keyed by case number (rows).</summary>
    [field: NonSerialized]
    public StateRows<CaseWorkFact> Cases { get; } = new("case");

    /// <summary>The latest time in service of each device, keyed by serial (rows).</summary>
    [field: NonSerialized]
    public StateRows<DeviceServiceFact> Devices { get; } = new("device");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Cases, Devices];

    EventJournal? IRowBackedState.Journal => null;
}
