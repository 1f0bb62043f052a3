using AfterSales.Routing;

namespace AfterSales.Departments;

/// <summary>A waiting case one shard hands to the shard that is its home now (the shard count changed), with what
/// its queue entry knew: when it was queued, whether its optional skills were dropped, why it waits.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.QueueHandover")]
public sealed record QueueHandover(
    [property: Id(0)] CaseTicket Ticket,
    [property: Id(1)] DateTimeOffset EnqueuedAt)
{
    [Id(2)] public DateTimeOffset? RelaxedAt { get; init; }

    [Id(3)] public WaitingReason? Waiting { get; init; }
}
