using AfterSales.Common;

namespace AfterSales.Devices;

/// <summary>The device's part of a fleet import (key: serial number; the device grain implements it). Unlike
/// <see cref="IDeviceGrain.RegisterAsync"/> the device neither checks its owner nor tells anyone else: the import checks
/// each customer once per batch and hands what the devices answer on to owners, scheduler and reliability shards in
/// bulk. The device deactivates after the call, so an import does not keep its devices in memory.</summary>
[Alias("AfterSales.Devices.IDeviceImportGrain")]
public interface IDeviceImportGrain : IGrainWithStringKey
{
    /// <summary>Registers the device as <see cref="IDeviceGrain.RegisterAsync"/> does (the owner is known to exist, in
    /// <paramref name="ownerRegion"/>). An identical registration (same <see cref="RegisterDeviceRequest.RequestHash"/>)
    /// is unchanged and answers again what is to be handed on; another registration of a serial already taken is refused
    /// (a conflict).</summary>
    [Alias("Import")]
    Task<DeviceImportResult> ImportAsync(RegisterDeviceRequest request, string? ownerRegion);
}
