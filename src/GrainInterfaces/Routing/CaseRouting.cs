using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Routing;

/// <summary>A case's routing as <c>GET /api/cases/{number}/routing</c> shows it: where it is, what it needs,
/// and its most recent routing decisions (oldest first, at most 20).</summary>
/// <param name="PreferredTechnicianId">Customer affinity: the technician of the customer's previous case.</param>
/// <param name="OptionalRelaxed">True once a queue dropped the case's optional skills.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseRouting")]
public sealed record CaseRouting(
    [property: Id(0)] string Number,
    [property: Id(1)] Department Department,
    [property: Id(2)] string Region,
    [property: Id(3)] string? AssignedTechnicianId,
    [property: Id(4)] bool Queued,
    [property: Id(5)] string? DeviceModel,
    [property: Id(6)] string? Category,
    [property: Id(7)] string? PreferredTechnicianId,
    [property: Id(8)] bool OptionalRelaxed,
    [property: Id(9)] ImmutableArray<RoutingDecision> Decisions);
