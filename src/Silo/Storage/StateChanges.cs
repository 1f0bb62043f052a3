using AfterSales.Persistence;

namespace AfterSales.Silo.Storage;

/// <summary>What a write carries besides the state's own record: the changed rows and the new journal events of an
/// <see cref="IRowBackedState"/>, already serialized, so the write no longer depends on the live state object.</summary>
internal sealed record StateChanges(IReadOnlyList<RowChange> Rows, string? StreamType, IReadOnlyList<JournalEvent> Events)
{
    public static readonly StateChanges None = new([], null, []);

    public bool IsEmpty => Rows.Count == 0 && Events.Count == 0;

    /// <summary>The sequence the stream must end at for these events to follow it, or null when there are none.</summary>
    public long? SequenceBefore => Events.Count == 0 ? null : Events[0].Sequence - 1;
}
