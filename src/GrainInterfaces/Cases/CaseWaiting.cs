using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>A department tells a case it queues why the case waits (when the reason changes).</summary>
/// <param name="From">The department-region key (or shard) where the case waits.</param>
/// <param name="Reason">Why it waits.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseWaiting")]
public sealed record CaseWaiting(
    [property: Id(0)] string From,
    [property: Id(1)] WaitingReason Reason);
