namespace AfterSales.Hosting;

/// <summary>When fault cases make a problem (section <c>AfterSales:ProblemDetection</c>), checked at start by
/// <see cref="ProblemDetectionOptionsValidator"/>.</summary>
/// <remarks>Fault cases with a fault code are grouped by model and fault code. Their devices' serials are read as a
/// prefix and a number (<c>HX200-000123</c>: <c>HX200-</c>, 123); a cluster is at least <see cref="Threshold"/> faults with
/// the same prefix whose numbers lie within <see cref="RangeWidth"/> of each other (highest − lowest &lt; width),
/// opened within <see cref="Window"/>.</remarks>
public sealed class ProblemDetectionOptions
{
    public const string SectionName = "AfterSales:ProblemDetection";

    /// <summary>How long a fault counts towards a cluster after its case opened. Default 7 days (1 hour to 365 days).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many faults in one range open a problem. Default 5 (2 to 1000).</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>How far apart the serial numbers of one cluster may lie: highest − lowest is below it. Default 1000
    /// (1 to 10^15).</summary>
    public long RangeWidth { get; set; } = 1000;
}
