using AfterSales.Persistence;

namespace AfterSales.Tests.Storage.Probes;

/// <summary>A row-backed state with two collections (which may use the same row keys) and a journal.</summary>
[GenerateSerializer, Alias("AfterSales.Tests.Storage.RowProbeState")]
public sealed class RowProbeState : IRowBackedState
{
    public const string StreamType = "probe";

    // Kept beside the record, so not serialized with it.
    [NonSerialized] private readonly StateRows<RowProbeItem> _items = new("item");
    [NonSerialized] private readonly StateRows<RowProbeItem> _notes = new("note");
    [NonSerialized] private readonly EventJournal _journal = new(StreamType);

    [Id(0)] public string Title { get; set; } = "";

    [Id(1)] public long LastSequence { get; set; }

    public StateRows<RowProbeItem> Items => _items;

    public StateRows<RowProbeItem> Notes => _notes;

    public EventJournal Journal => _journal;

    public IReadOnlyList<IStateRows> RowSets => [_items, _notes];

    EventJournal? IRowBackedState.Journal => _journal;

    /// <summary>Appends the next event of the stream, at a whole millisecond (what every store keeps exactly).</summary>
    public JournalEvent Record(string kind, string data = """{"probe":true}""", Guid? eventId = null) =>
        RecordAt(++LastSequence, kind, data, eventId);

    /// <summary>Appends an event with a sequence of the caller's choosing, right or wrong.</summary>
    public JournalEvent RecordAt(long sequence, string kind, string data = """{"probe":true}""", Guid? eventId = null)
    {
        var journalEvent = new JournalEvent(eventId ?? Guid.CreateVersion7(), sequence,
            new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero).AddMilliseconds(sequence * 1_001), "tester", kind, data);
        _journal.Append(journalEvent);
        return journalEvent;
    }
}
