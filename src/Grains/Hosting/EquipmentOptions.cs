namespace AfterSales.Hosting;

/// <summary>How devices, their models and their warranties behave (section <c>AfterSales:Equipment</c>), checked at
/// start by <see cref="EquipmentOptionsValidator"/>.</summary>
public sealed class EquipmentOptions
{
    public const string SectionName = "AfterSales:Equipment";

    /// <summary>A shipped device's warranty starts at the latest this long after its ship date, even when its
    /// commissioning has not been accepted by then. 0 to 730 days. Default 90 days.</summary>
    public TimeSpan WarrantyStartGrace { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a silo's copy of a product model answers before it is read again: the bound on how stale a
    /// change made on another silo can be for routing and case opening. 1 second to 10 minutes. Default 30 seconds.</summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
