using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>What a case says about its place in a queue, for the department reconciling its queue with its cases.</summary>
/// <param name="Queued">The case believes it waits in its department-region's queue (its home shard).</param>
/// <param name="OptionalRelaxed">The case recorded that a queue dropped its optional skills.</param>
/// <param name="Waiting">The kind of waiting reason the case shows; null when none.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseQueueStanding")]
public sealed record CaseQueueStanding(
    [property: Id(0)] CaseStatus Status,
    [property: Id(1)] Department Department,
    [property: Id(2)] string Region,
    [property: Id(3)] bool Queued,
    [property: Id(4)] bool OptionalRelaxed,
    [property: Id(5)] WaitingReasonKind? Waiting);
