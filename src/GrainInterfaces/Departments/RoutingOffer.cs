using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>A department's answer to <see cref="IDepartmentGrain.DecideAsync"/>: the technician the case should
/// claim (the department has reserved the case's weight on it in its view), or the queue position when queued.</summary>
/// <param name="TechnicianId">The technician to claim with <see cref="ITechnicianGrain.TryAssignAsync"/>; null when queued.</param>
/// <param name="QueuePosition">1-based position in the queue when queued; 0 for an offer.</param>
/// <param name="Reason">Why: the rule that decided, for the case's history.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RoutingOffer")]
public sealed record RoutingOffer(
    [property: Id(0)] string? TechnicianId,
    [property: Id(1)] int QueuePosition,
    [property: Id(2)] string Reason)
{
    /// <summary>The decision with its candidates; it becomes the case's decision when the claim is accepted.</summary>
    [Id(3)] public RoutingDecision? Decision { get; init; }

    /// <summary>Why the case waits, when it was queued.</summary>
    [Id(4)] public WaitingReason? Waiting { get; init; }

    /// <summary>True when the case should claim <see cref="TechnicianId"/>; false when it was queued.</summary>
    public bool Offered => TechnicianId is not null;
}
