using AfterSales.Devices;

namespace AfterSales.Api.Devices;

/// <summary>A registered device.</summary>
public sealed record DeviceResponse(
    string Serial,
    string Model,
    string CustomerId,
    string? Site,
    DateOnly? InstalledOn,
    DateOnly? WarrantyEnd,
    DeviceStatus Status,
    DateTimeOffset CreatedAt,
    int Version)
{
    internal static DeviceResponse From(DeviceSnapshot device) => new(
        device.Serial, device.Model, device.CustomerId, device.Site, device.InstalledOn, device.WarrantyEnd, device.Status,
        device.CreatedAt, device.Version);
}
