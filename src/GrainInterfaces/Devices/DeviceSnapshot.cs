namespace AfterSales.Devices;

/// <summary>A device as seen from outside its grain.</summary>
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
    [property: Id(8)] int Version);
