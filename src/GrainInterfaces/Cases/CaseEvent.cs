namespace AfterSales.Cases;

/// <summary>One event of a case's journal: who did what, when, and what changed.</summary>
/// <param name="Sequence">1, 2, 3… per case, without gaps.</param>
/// <param name="Action">The kind of event, one of <see cref="CaseEventKinds"/> (e.g. <c>opened</c>, <c>assigned</c>,
/// <c>queued</c>, <c>start</c>, <c>note</c>, <c>resolve</c>).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] CaseStatus? From,
    [property: Id(5)] CaseStatus? To,
    [property: Id(6)] string? Details)
{
    /// <summary>Unique across every case (a version-7 GUID): consumers de-duplicate by it.</summary>
    [Id(7)] public Guid EventId { get; init; }
}
