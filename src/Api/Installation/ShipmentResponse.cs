using AfterSales.Api.Hosting;
using AfterSales.Installation;

namespace AfterSales.Api.Installation;

/// <summary>A shipment, its devices and their installation work orders.</summary>
/// <param name="Status"><c>processing</c> while registrations or work orders are still being made (a retry of the same
/// request, or the shipment itself within a minute, completes them); <c>completed</c> once all are done.</param>
public sealed record ShipmentResponse(
    string Id,
    string CustomerId,
    string? Site,
    DateOnly ShippedOn,
    InstallationWindowResponse? InstallationWindow,
    IReadOnlyList<ShipmentDeviceResponse> Devices,
    ShipmentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    internal static ShipmentResponse From(ShipmentSnapshot shipment) => new(
        shipment.Id, shipment.CustomerId, shipment.Site, shipment.ShippedOn, InstallationWindowResponse.From(shipment.Window),
        [.. shipment.Devices.OrEmpty().Select(ShipmentDeviceResponse.From)], shipment.Status, shipment.CreatedAt, shipment.CompletedAt);
}

/// <summary>One device of a shipment.</summary>
/// <param name="WorkOrderNumber">Its installation work order (a case number, <c>GET /api/cases/{number}</c>); null
/// when the shipment has no installation window.</param>
/// <param name="Registered">The device is registered as shipped.</param>
/// <param name="WorkOrderOpened">Its work order is open.</param>
/// <param name="Problem">Why a step of this device was refused, if one was.</param>
public sealed record ShipmentDeviceResponse(string Serial, string Model, string? WorkOrderNumber, bool Registered, bool WorkOrderOpened, string? Problem)
{
    internal static ShipmentDeviceResponse From(ShipmentLine line) =>
        new(line.Serial, line.Model, line.WorkOrderNumber, line.Registered, line.WorkOrderOpened, line.Problem);
}
