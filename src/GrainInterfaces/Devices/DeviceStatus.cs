namespace AfterSales.Devices;

/// <summary>Where a device is in its life: <c>shipped → installed → inService ⇄ underMaintenance / faulty →
/// decommissioned</c>. The numbers are stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.DeviceStatus")]
public enum DeviceStatus
{
    /// <summary>Sold and shipped (or registered), not yet installed.</summary>
    Shipped = 0,
    /// <summary>Accepted at commissioning (or registered as installed) and running.</summary>
    InService = 1,
    /// <summary>A maintenance visit is open.</summary>
    UnderMaintenance = 2,
    /// <summary>Taken out of service for good.</summary>
    Decommissioned = 3,
    /// <summary>Installed on site; commissioning not (yet) accepted.</summary>
    Installed = 4,
    /// <summary>A fault case is open.</summary>
    Faulty = 5,
}
