using System.Collections.Immutable;
using AfterSales.Installation;
using AfterSales.Maintenance;

namespace AfterSales.Cases;

/// <summary>Opens a case (the grain key is the case number, allocated before the call).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.OpenCaseRequest")]
public sealed record OpenCaseRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] CaseChannel Channel,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Description,
    [property: Id(6)] string? DeviceSerial,
    [property: Id(7)] string Actor)
{
    /// <summary>Idempotency key the client sent with the create, recorded with the case.</summary>
    [Id(8)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; a second open with the same hash is a replay.</summary>
    [Id(9)] public string? RequestHash { get; init; }

    /// <summary>Fault category (e.g. <c>hydraulics</c>) matched by the routing policy's skill rules.</summary>
    [Id(10)] public string? Category { get; init; }

    /// <summary>An installation work order's visit window agreed with the customer (required for installation cases,
    /// refused for other types).</summary>
    [Id(14)] public InstallationWindow? InstallationWindow { get; init; }

    /// <summary>Cases this one is related to from the start (a commissioning fault case names its work order).</summary>
    [Id(15)] public ImmutableArray<RelatedCase> RelatedCases { get; init; } = [];

    /// <summary>The shipment that opened this installation work order, when one did.</summary>
    [Id(16)] public string? ShipmentId { get; init; }
    /// <summary>The fault code the device shows (e.g. <c>E42</c>): only on a fault case about a device, and one of the
    /// codes of the device's model (case-insensitive; recorded as the model spells it).</summary>
    [Id(17)] public string? FaultCode { get; init; }

    /// <summary>What a maintenance work order opened by a device's plan or rule is for (plan or rule, period, trigger,
    /// evidence, due window): only on a maintenance case about a device.</summary>
    [Id(20)] public MaintenanceOrder? Maintenance { get; init; }
}
