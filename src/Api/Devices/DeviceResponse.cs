using AfterSales.Api.Hosting;
using AfterSales.Devices;
using AfterSales.Maintenance;

namespace AfterSales.Api.Devices;

/// <summary>A registered device: its model, owner and site, where it is in its life, its warranty, the service
/// contracts covering it, the baseline measured at its accepted commissioning and its open cases.</summary>
/// <param name="WarrantyEnd">The warranty's last day, when the device has one (also in <paramref name="Warranty"/>).</param>
/// <param name="Warranty">When the warranty runs and what started it (<c>acceptance</c>, <c>shipment</c> or
/// <c>registration</c>); it may lie in the future (the start grace after shipping); null while it cannot start yet.</param>
/// <param name="Contracts">Service contracts covering the device, past, current and future, by start.</param>
/// <param name="Baseline">Values measured at the accepted commissioning.</param>
/// <param name="OpenCases">Open fault, maintenance and installation cases about the device; fault and maintenance cases hold its status.</param>
/// <param name="CommissionedBy">The work order whose commissioning was accepted.</param>
/// <param name="Version">The ETag: increases with every change.</param>
/// <param name="MaintenanceOrders">Open maintenance work orders of the device's plans and rules, each saying whether it
/// is overdue (open past its due window).</param>
/// <param name="MaintenanceOverdue">True when one of them is overdue.</param>
public sealed record DeviceResponse(
    string Serial,
    string Model,
    string CustomerId,
    string? Site,
    DateOnly? InstalledOn,
    DateOnly? WarrantyEnd,
    DeviceStatus Status,
    DateTimeOffset CreatedAt,
    int Version,
    DateOnly? ShippedOn,
    string? ShipmentId,
    WarrantyTerm? Warranty,
    DeviceContract[] Contracts,
    BaselineValue[] Baseline,
    string[] OpenCases,
    DateTimeOffset? CommissionedAt,
    string? CommissionedBy,
    DeviceMaintenanceOrder[] MaintenanceOrders,
    bool MaintenanceOverdue)
{
    internal static DeviceResponse From(DeviceSnapshot device) => new(
        device.Serial, device.Model, device.CustomerId, device.Site, device.InstalledOn, device.WarrantyEnd, device.Status,
        device.CreatedAt, device.Version, device.ShippedOn, device.ShipmentId, device.Warranty, [.. device.Contracts.OrEmpty()],
        [.. device.Baseline.OrEmpty()], [.. device.OpenCases.OrEmpty()], device.CommissionedAt, device.CommissionedBy,
        [.. device.MaintenanceOrders.OrEmpty()], device.MaintenanceOverdue);
}

/// <summary>One page of a device's history.</summary>
/// <param name="Events">Oldest first: who changed what, when, why, and the status it moved from and to.</param>
/// <param name="LastSequence">The device's latest event sequence.</param>
/// <param name="Next">The following page's path while more events follow; null on the last page.</param>
public sealed record DeviceHistoryResponse(DeviceEvent[] Events, int LastSequence, string? Next);
