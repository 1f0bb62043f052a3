namespace AfterSales.Installation;

/// <summary>One device of a shipment: its serial number and product model.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ShipmentDevice")]
public sealed record ShipmentDevice(
    [property: Id(0)] string Serial,
    [property: Id(1)] string Model);
