using System.Collections.Immutable;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>A device as seen from outside its grain. <see cref="Version"/> is the ETag.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceSnapshot")]
public sealed record DeviceSnapshot(
    [property: Id(0)] string Serial,
    [property: Id(1)] string Model,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string? Site,
    [property: Id(4)] DateOnly? InstalledOn,
    [property: Id(5)] DateOnly? WarrantyEnd,
    [property: Id(6)] DeviceStatus Status,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] int Version)
{
    /// <summary>The day the device shipped, when known.</summary>
    [Id(9)] public DateOnly? ShippedOn { get; init; }

    /// <summary>The shipment that brought it, when known.</summary>
    [Id(10)] public string? ShipmentId { get; init; }

    /// <summary>The warranty once it has started (or is scheduled to start at the end of the shipment grace).</summary>
    [Id(11)] public WarrantyTerm? Warranty { get; init; }

    /// <summary>Service contracts covering the device (past, current and future).</summary>
    [Id(12)] public ImmutableArray<DeviceContract> Contracts { get; init; } = [];

    /// <summary>Values measured at the accepted commissioning.</summary>
    [Id(13)] public ImmutableArray<BaselineValue> Baseline { get; init; } = [];

    /// <summary>Open fault, maintenance and installation cases about the device, by number; the fault and maintenance
    /// cases hold its status.</summary>
    [Id(14)] public ImmutableArray<string> OpenCases { get; init; } = [];

    /// <summary>When commissioning was accepted, and by which work order.</summary>
    [Id(15)] public DateTimeOffset? CommissionedAt { get; init; }

    [Id(16)] public string? CommissionedBy { get; init; }

    /// <summary>Open maintenance work orders of the device's plans and rules, each saying whether it is overdue.</summary>
    [Id(17)] public ImmutableArray<DeviceMaintenanceOrder> MaintenanceOrders { get; init; } = [];

    /// <summary>True when an open maintenance work order of the device is past its due window.</summary>
    [Id(18)] public bool MaintenanceOverdue { get; init; }
}
