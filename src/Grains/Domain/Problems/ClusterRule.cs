namespace AfterSales.Domain.Problems;

/// <summary>When faults form a cluster: at least <paramref name="Threshold"/> faults of one model and fault code, whose
/// serials share a prefix and whose numbers lie within <paramref name="RangeWidth"/> of each other (highest − lowest &lt;
/// width), reported within <paramref name="Window"/> of now (a fault exactly one window old still counts).</summary>
internal sealed record ClusterRule(TimeSpan Window, int Threshold, long RangeWidth)
{
    /// <summary>True while a fault reported at <paramref name="at"/> counts at <paramref name="now"/>.</summary>
    public bool InWindow(DateTimeOffset at, DateTimeOffset now) => at >= now - Window;

    /// <summary>True when <paramref name="lowest"/> and <paramref name="highest"/> (same series) fit in one range.</summary>
    public bool InRange(long lowest, long highest) => highest - lowest < RangeWidth;
}
