namespace AfterSales.Persistence;

/// <summary>
/// A grain state that keeps its growing parts beside its own record: collections as one row per item, and an event
/// journal that is only ever appended to. A storage provider that knows this contract writes the state's record, the
/// changed rows and the new events in ONE transaction, conditional on the record's version, so the cost of a write
/// follows what changed, not what the grain holds.
/// </summary>
/// <remarks>The members that live in rows carry no <c>[Id]</c>, so the state's own serialized record leaves them out.
/// A provider that does not know this contract would silently lose them: the hosts register only providers that do
/// (<c>SqliteGrainStorage</c>, <c>PostgresGrainStorage</c>, <c>MemoryGrainStore</c>).
/// Like the record itself, the pending rows and events are captured when a write starts and forgotten when it
/// commits: the state must not change while its write is awaited. Non-reentrant grains guarantee that; a method that
/// interleaves (<c>[ReadOnly]</c>, <c>[AlwaysInterleave]</c>) must only read. The journal's last sequence lives in the
/// record, so a row-backed state with a journal is never cleared (a cleared stream would restart at 1 and collide).</remarks>
public interface IRowBackedState
{
    /// <summary>The row collections, each under a name unique within the state.</summary>
    IReadOnlyList<IStateRows> RowSets { get; }

    /// <summary>The state's event journal, or null when it keeps none.</summary>
    EventJournal? Journal { get; }
}
