namespace AfterSales.Persistence;

/// <summary>One event of a grain's journal, as stored: never changed, never removed.</summary>
/// <param name="EventId">Unique across every stream (a version-7 GUID): consumers de-duplicate by it.</param>
/// <param name="Sequence">1, 2, 3… within the stream, without gaps: consumers follow a stream in this order.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it (<c>system</c> for the platform itself).</param>
/// <param name="Kind">What happened (a constant of the owning feature, e.g. <c>assigned</c>).</param>
/// <param name="Data">The event's details as a JSON object.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.JournalEvent")]
public sealed record JournalEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Kind,
    [property: Id(5)] string Data);
