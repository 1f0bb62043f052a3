namespace AfterSales.Persistence;

/// <summary>A journal event with where it is stored.</summary>
/// <param name="Position">Its place in the store's global order (increasing in commit order within one writer;
/// see <see cref="IEventLog.ReadAllAsync"/> for how to follow it without missing an event).</param>
/// <param name="StreamType">The kind of stream, e.g. <c>case</c>.</param>
/// <param name="StreamId">The grain key, e.g. a case number.</param>
/// <param name="Event">The event.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.StoredEvent")]
public sealed record StoredEvent(
    [property: Id(0)] long Position,
    [property: Id(1)] string StreamType,
    [property: Id(2)] string StreamId,
    [property: Id(3)] JournalEvent Event);
