using AfterSales.Devices;

namespace AfterSales.Devices;

/// <summary>Durable state of <see cref="DeviceGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.DeviceState")]
internal sealed class DeviceState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Model { get; set; } = "";
    [Id(2)] public string CustomerId { get; set; } = "";
    [Id(3)] public string? Site { get; set; }
    [Id(4)] public DateOnly? InstalledOn { get; set; }
    [Id(5)] public DateOnly? WarrantyEnd { get; set; }
    [Id(6)] public DeviceStatus Status { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public int Version { get; set; }
    [Id(9)] public string? IdempotencyKey { get; set; }
    [Id(10)] public string? RequestHash { get; set; }
}
