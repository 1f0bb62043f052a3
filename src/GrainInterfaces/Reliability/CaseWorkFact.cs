using AfterSales.Cases;

namespace AfterSales.Reliability;

/// <summary>What a fault, maintenance or installation case about a device says about the device's reliability, as the
/// case stands now: sent by the case to its device and by the device to its model's reliability shard. It replaces the
/// case's earlier fact (idempotent per case); a fact with a lower <paramref name="Revision"/> than the one held is stale.</summary>
/// <param name="Revision">The case's version when the fact was taken.</param>
/// <param name="ResolvedAt">When the case was last resolved (kept through a reopen; it counts only while resolved or closed).</param>
/// <param name="Visits">How many visits the case recorded.</param>
/// <param name="FollowUps">How many of them needed a follow-up.</param>
/// <param name="FirstVisitOutcome">The outcome of the case's first visit; null before any visit.</param>
/// <param name="MinutesOnSite">Time on site of all its visits, in minutes.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseWorkFact")]
public sealed record CaseWorkFact(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Serial,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] DateTimeOffset? ResolvedAt,
    [property: Id(6)] int Visits,
    [property: Id(7)] int FollowUps,
    [property: Id(8)] VisitOutcome? FirstVisitOutcome,
    [property: Id(9)] int MinutesOnSite,
    [property: Id(10)] int Revision);
