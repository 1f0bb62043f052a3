using AfterSales.Persistence;

namespace AfterSales.Bench.Storage;

/// <summary>A state that keeps its items one row each and its history in the journal: a write stores the record,
/// the rows that changed and the new events.</summary>
[GenerateSerializer, Alias("AfterSales.Bench.Storage.RowBenchState")]
public sealed class RowBenchState : IRowBackedState
{
    [Id(0)] public int Revision { get; set; }

    [Id(1)] public long LastSequence { get; set; }

    // Kept beside the record, so not serialized with it.
    [NonSerialized] private readonly StateRows<BenchItem> _items = new("item");
    [NonSerialized] private readonly EventJournal _journal = new("bench");

    public StateRows<BenchItem> Items => _items;

    public EventJournal Journal => _journal;

    public IReadOnlyList<IStateRows> RowSets => [Items];

    EventJournal? IRowBackedState.Journal => Journal;
}
