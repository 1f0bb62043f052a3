namespace AfterSales.Installation;

/// <summary>Size limits of shipments, checklists and commissioning reports: the API publishes and checks them, and the
/// grains enforce the same numbers.</summary>
public static class InstallationLimits
{
    /// <summary>Devices in one shipment (each gets a registration and, with a window, a work order).</summary>
    public const int DevicesPerShipment = 50;

    /// <summary>Photos referenced by one checklist answer.</summary>
    public const int PhotosPerItem = 10;

    /// <summary>Characters of one photo URL.</summary>
    public const int PhotoUrl = 2000;

    /// <summary>Characters of a checklist answer's note.</summary>
    public const int ItemNote = 2000;

    /// <summary>Characters of the name of the customer who signs off.</summary>
    public const int SignOffName = 200;

    /// <summary>How far in the future a sign-off time may lie (clocks of handheld devices drift).</summary>
    public static readonly TimeSpan SignOffClockSkew = TimeSpan.FromMinutes(5);
}
