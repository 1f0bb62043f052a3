using AfterSales.Routing;

namespace AfterSales.Departments;

/// <summary>What a department did with a submitted case: assigned it now, or queued it.</summary>
/// <param name="TechnicianId">The technician the case was assigned to; null when queued.</param>
/// <param name="QueuePosition">1-based position in the queue when queued; 0 when assigned.</param>
/// <param name="Reason">Why: the rule that decided, for the case's history.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RoutingOutcome")]
public sealed record RoutingOutcome(
    [property: Id(0)] string? TechnicianId,
    [property: Id(1)] int QueuePosition,
    [property: Id(2)] string Reason)
{
    /// <summary>The decision with its candidates (null for an idempotent repeat that decided nothing new).</summary>
    [Id(3)] public RoutingDecision? Decision { get; init; }

    /// <summary>Why the case waits, when it was queued.</summary>
    [Id(4)] public WaitingReason? Waiting { get; init; }

    /// <summary>True when the case was assigned to a technician.</summary>
    public bool Assigned => TechnicianId is not null;
}
