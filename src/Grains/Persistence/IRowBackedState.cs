namespace AfterSales.Persistence;

/// <summary>
/// A grain state that keeps its growing parts beside its own record: collections as one row per item, and an event
/// journal that is only ever appended to. A storage provider that knows this contract writes the state's record, the
/// changed rows and the new events in ONE transaction, conditional on the record's version, so the cost of a write
/// follows what changed, not what the grain holds.
/// </summary>
/// <remarks>The members that live in rows carry no <c>[Id]</c>, so the state's own serialized record leaves them out.
/// A provider that does not know this contract would silently lose them: the hosts register only providers that do
/// (<c>SqliteGrainStorage</c>, <c>PostgresGrainStorage</c>, <c>MemoryGrainStore</c>).</remarks>
public interface IRowBackedState
{
    /// <summary>The row collections, each under a name unique within the state.</summary>
    IReadOnlyList<IStateRows> RowSets { get; }

    /// <summary>The state's event journal, or null when it keeps none.</summary>
    EventJournal? Journal { get; }
}
