namespace AfterSales.Persistence;

/// <summary>The events a grain appended since its last successful write. Its storage provider appends them in the
/// same transaction as the state, to the stream named by <see cref="StreamType"/> and the grain's key.</summary>
/// <remarks>The stream's last sequence number belongs to the state's own record, so a version conflict on the record
/// also refuses the events: two activations can never both append sequence N.</remarks>
public sealed class EventJournal(string streamType)
{
    private readonly List<JournalEvent> _pending = [];

    /// <summary>The kind of stream (e.g. <c>case</c>); with the grain key it names the stream.</summary>
    public string StreamType { get; } = streamType;

    public IReadOnlyList<JournalEvent> Pending => _pending;

    public void Append(JournalEvent journalEvent) => _pending.Add(journalEvent);

    /// <summary>Replaces the last pending event (e.g. to attach what the owner knows once all of a write's changes
    /// are made); nothing when none is pending.</summary>
    public void AmendLast(Func<JournalEvent, JournalEvent> amend)
    {
        if (_pending.Count > 0)
        {
            _pending[^1] = amend(_pending[^1]);
        }
    }

    /// <summary>The provider committed <see cref="Pending"/>.</summary>
    public void MarkWritten() => _pending.Clear();
}
