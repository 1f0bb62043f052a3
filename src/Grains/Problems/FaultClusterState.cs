using System.Collections.Immutable;
using AfterSales.Persistence;

namespace AfterSales.Problems;

/// <summary>Durable state of <see cref="FaultClusterGrain"/>: the faults that count towards a cluster, one row each
/// (pruned as they leave the window), and the problems detection opened for this model and code.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.FaultClusterState")]
internal sealed class FaultClusterState : IRowBackedState
{
    /// <summary>The problems detection links faults to, oldest first (bounded).</summary>
    [Id(0)] public List<TrackedProblem> Problems { get; set; } = [];

    /// <summary>Faults within the window that no problem took, keyed by case number (rows).</summary>
    [field: NonSerialized]
    public StateRows<TrackedFault> Faults { get; } = new("fault");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Faults];

    EventJournal? IRowBackedState.Journal => null;
}

/// <summary>A fault counting towards a cluster.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.TrackedFault")]
internal sealed record TrackedFault(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Serial,
    [property: Id(2)] DateTimeOffset At);

/// <summary>A problem detection opened: the serial range it covers, and until its case is open, the faults to link.</summary>
/// <param name="Pending">The cluster's cases while the problem's case is not open yet (a retry opens it with them).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.TrackedProblem")]
internal sealed record TrackedProblem(
    [property: Id(0)] string Number,
    [property: Id(1)] string LowestSerial,
    [property: Id(2)] string HighestSerial,
    [property: Id(3)] int Faults,
    [property: Id(4)] string Region,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] ImmutableArray<string> Pending)
{
    public bool Opened => Pending.IsDefaultOrEmpty;
}
