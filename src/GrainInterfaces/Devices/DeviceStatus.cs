namespace AfterSales.Devices;

/// <summary>Where a device is in its life.</summary>
[GenerateSerializer, Alias("AfterSales.DeviceStatus")]
public enum DeviceStatus
{
    /// <summary>Sold and registered, not yet installed.</summary>
    Registered = 0,
    /// <summary>Installed and running.</summary>
    InService = 1,
    /// <summary>Has an open fault or maintenance case.</summary>
    UnderService = 2,
    /// <summary>Taken out of service for good.</summary>
    Decommissioned = 3,
}
