using AfterSales.Installation;

namespace AfterSales.Shipments;

/// <summary>Durable state of <see cref="ShipmentGrain"/>: the shipment and, per device, how far its steps got (at most
/// <see cref="InstallationLimits.DevicesPerShipment"/> lines).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ShipmentState")]
internal sealed class ShipmentState
{
    [Id(0)] public bool Accepted { get; set; }
    [Id(1)] public string CustomerId { get; set; } = "";
    [Id(2)] public string? Site { get; set; }
    [Id(3)] public DateOnly ShippedOn { get; set; }
    [Id(4)] public InstallationWindow? Window { get; set; }
    [Id(5)] public List<ShipmentLine> Lines { get; set; } = [];
    [Id(6)] public ShipmentStatus Status { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(9)] public string Actor { get; set; } = "";
    [Id(10)] public string? IdempotencyKey { get; set; }
    [Id(11)] public string? RequestHash { get; set; }
}
