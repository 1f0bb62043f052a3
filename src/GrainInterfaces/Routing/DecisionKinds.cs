namespace AfterSales.Routing;

/// <summary>What decided a routing decision (<see cref="RoutingDecision.DecidedBy"/>) besides a strategy's name
/// (<c>leastLoaded</c>, <c>roundRobin</c>, <c>bestSkillMatch</c>).</summary>
public static class DecisionKinds
{
    /// <summary>Nobody was chosen: the case waits in the queue.</summary>
    public const string Queued = "queued";

    /// <summary>The technician of the customer's previous case.</summary>
    public const string Affinity = "affinity";

    /// <summary>An earlier offer repeated to the same technician (its answer was lost).</summary>
    public const string Retry = "retry";

    /// <summary>A supervisor's choice.</summary>
    public const string Manual = "manual";

    /// <summary>Placed by a neighbour region's department.</summary>
    public const string Overflow = "overflow";
}
