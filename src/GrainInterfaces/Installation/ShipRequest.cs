using System.Collections.Immutable;

namespace AfterSales.Installation;

/// <summary>Records a shipment (the grain key is the shipment id): every device is registered as shipped to the
/// customer and, when <see cref="Window"/> is given, gets an installation work order in that window.</summary>
/// <param name="Site">Where the devices are installed.</param>
/// <param name="Window">The installation window agreed with the customer; null to open no work orders.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ShipRequest")]
public sealed record ShipRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Site,
    [property: Id(2)] DateOnly ShippedOn,
    [property: Id(3)] ImmutableArray<ShipmentDevice> Devices,
    [property: Id(4)] InstallationWindow? Window,
    [property: Id(5)] string Actor)
{
    /// <summary>Idempotency key the client sent, recorded with the shipment.</summary>
    [Id(6)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; the same hash again is a replay, which completes what is left.</summary>
    [Id(7)] public string? RequestHash { get; init; }
}
