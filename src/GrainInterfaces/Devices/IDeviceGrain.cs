using AfterSales.Common;

namespace AfterSales.Devices;

/// <summary>One installed product (key: serial number).</summary>
[Alias("AfterSales.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Registers the device to an existing customer; the customer's device list is updated.</summary>
    [Alias("Register")]
    Task<Result<DeviceSnapshot>> RegisterAsync(RegisterDeviceRequest request);

    /// <summary>The device, or null when it was never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<DeviceSnapshot?> GetAsync();
}
