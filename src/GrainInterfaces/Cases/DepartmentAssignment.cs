using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>A department tells a queued case which technician took it.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentAssignment")]
public sealed record DepartmentAssignment(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] string Reason)
{
    /// <summary>The decision with its candidates.</summary>
    [Id(2)] public RoutingDecision? Decision { get; init; }

    /// <summary>The department-region key the case waits in: the sender, or for cross-region overflow the origin on
    /// whose behalf the neighbour assigns. A case refuses an assignment from a department it no longer belongs to.</summary>
    [Id(3)] public string? From { get; init; }

    /// <summary>Set when the technician works in another department-region (cross-region overflow): the case moves there.</summary>
    [Id(4)] public Department? Department { get; init; }

    /// <summary>The technician's region when it differs from the case's (overflow).</summary>
    [Id(5)] public string? Region { get; init; }
}
