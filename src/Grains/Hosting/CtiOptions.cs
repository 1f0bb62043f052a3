namespace AfterSales.Hosting;

/// <summary>What the CTI call grains need (section <c>AfterSales:Cti</c>), checked at start by
/// <see cref="CtiOptionsValidator"/>. The API reads its own settings (tokens, blocked callers) from the same section.</summary>
public sealed class CtiOptions
{
    public const string SectionName = "AfterSales:Cti";

    /// <summary>The customer a missed call's callback case is filed under when no customer lists the caller's number.
    /// Registered on first use (name "Unknown callers", no phones). Default <c>C-UNKNOWN-CALLERS</c>.</summary>
    public string UnknownCallerCustomerId { get; set; } = "C-UNKNOWN-CALLERS";

    /// <summary>The region of that customer, so its callback cases go to that region's customer service. Default: the
    /// first region served.</summary>
    public string? UnknownCallerRegion { get; set; }
}
