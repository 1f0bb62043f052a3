namespace AfterSales.Cases;

/// <summary>One entry of a case's audit trail: who did what, when, and what changed.</summary>
/// <param name="Action">e.g. <c>opened</c>, <c>assigned</c>, <c>queued</c>, <c>start</c>, <c>note</c>, <c>resolve</c>.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] CaseStatus? From,
    [property: Id(5)] CaseStatus? To,
    [property: Id(6)] string? Details);
