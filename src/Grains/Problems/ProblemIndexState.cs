using AfterSales.Persistence;

namespace AfterSales.Problems;

/// <summary>Durable state of <see cref="ProblemIndexGrain"/>: one row per open problem.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ProblemIndexState")]
internal sealed class ProblemIndexState : IRowBackedState
{
    /// <summary>Changes so far (the record's only member; the problems are rows).</summary>
    [Id(0)] public long Changes { get; set; }

    /// <summary>The open problems, keyed by number (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<ProblemSummary> Problems { get; } = new("problem");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Problems];

    EventJournal? IRowBackedState.Journal => null;
}
