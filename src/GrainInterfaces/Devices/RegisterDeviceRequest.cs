namespace AfterSales.Devices;

/// <summary>Registers a device (the grain key is its serial number) to its owning customer. A device registered with
/// <see cref="InstalledOn"/> is in service from that day; without it, it is shipped and waits for its installation.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RegisterDeviceRequest")]
public sealed record RegisterDeviceRequest(
    [property: Id(0)] string Model,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? Site,
    [property: Id(3)] DateOnly? InstalledOn,
    [property: Id(4)] DateOnly? WarrantyEnd)
{
    /// <summary>Idempotency key the client sent with the create, recorded with the device.</summary>
    [Id(5)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; a second create with the same hash is a replay.</summary>
    [Id(6)] public string? RequestHash { get; init; }

    /// <summary>The day it shipped (warranty starts at the latest at this day plus the shipment grace).</summary>
    [Id(7)] public DateOnly? ShippedOn { get; init; }

    /// <summary>The shipment that brought it.</summary>
    [Id(8)] public string? ShipmentId { get; init; }

    /// <summary>Who registers it (recorded in the device's history).</summary>
    [Id(9)] public string? Actor { get; init; }
}
