namespace AfterSales.Devices;

/// <summary>A device's warranty: it starts at commissioning acceptance, or at the ship date plus the start grace,
/// whichever comes first, and lasts the model's warranty length.</summary>
/// <param name="Basis">What started it: <c>acceptance</c>, <c>shipment</c> (grace elapsed) or <c>registration</c>
/// (a device registered with an explicit warranty end).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.WarrantyTerm")]
public sealed record WarrantyTerm(
    [property: Id(0)] DateOnly Start,
    [property: Id(1)] DateOnly End,
    [property: Id(2)] string Basis);
