using AfterSales.Persistence;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>How the durable providers take an <see cref="IRowBackedState"/> apart for a write and put it together
/// on read. Row items are serialized as <see cref="object"/> so their type travels with them.</summary>
internal static class RowBackedStates
{
    /// <summary>Whether a state of type <typeparamref name="T"/> keeps rows, so a read must load them.</summary>
    public static bool HasRows<T>() => typeof(IRowBackedState).IsAssignableFrom(typeof(T));

    /// <summary>The rows and events waiting in <paramref name="state"/>; <see cref="StateChanges.None"/> for a state
    /// that keeps none. Refuses events whose sequences do not run on without a gap.</summary>
    public static StateChanges Capture(object? state, IGrainStorageSerializer serializer, string streamId)
    {
        if (state is not IRowBackedState rowBacked)
        {
            return StateChanges.None;
        }
        var rows = new List<RowChange>();
        foreach (var set in rowBacked.RowSets)
        {
            foreach (var (key, item) in set.PendingChanges)
            {
                rows.Add(new RowChange(set.Name, key, item is null ? null : serializer.Serialize<object>(item).ToArray()));
            }
        }
        if (rowBacked.Journal is not { Pending.Count: > 0 } journal)
        {
            return rows.Count == 0 ? StateChanges.None : new StateChanges(rows, null, []);
        }
        var events = journal.Pending.ToArray();
        for (var i = 1; i < events.Length; i++)
        {
            if (events[i].Sequence != events[0].Sequence + i)
            {
                throw new InconsistentStateException(
                    $"Event {events[i].Sequence} of {journal.StreamType} {streamId} does not follow {events[i - 1].Sequence}.");
            }
        }
        return new StateChanges(rows, journal.StreamType, events);
    }

    /// <summary>After a committed write: the state forgets its pending rows and events.</summary>
    public static void MarkWritten(object? state)
    {
        if (state is not IRowBackedState rowBacked)
        {
            return;
        }
        foreach (var set in rowBacked.RowSets)
        {
            set.MarkWritten();
        }
        rowBacked.Journal?.MarkWritten();
    }

    /// <summary>Fills each row set of <paramref name="state"/> with its stored rows. Rows of a collection the state no
    /// longer has are left unread.</summary>
    public static void Load(object? state, IReadOnlyList<StoredRow> rows, IGrainStorageSerializer serializer)
    {
        if (state is not IRowBackedState rowBacked)
        {
            return;
        }
        foreach (var set in rowBacked.RowSets)
        {
            set.Load(rows.Where(row => string.Equals(row.Collection, set.Name, StringComparison.Ordinal))
                .Select(row => KeyValuePair.Create(row.Key, serializer.Deserialize<object>(new BinaryData(row.Payload))
                    ?? throw new InconsistentStateException($"Row {row.Collection}/{row.Key} holds no item."))));
        }
    }
}
