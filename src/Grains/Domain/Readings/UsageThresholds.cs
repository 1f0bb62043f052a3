namespace AfterSales.Domain.Readings;

/// <summary>Usage-based plans fall due every <c>every</c> units of a meter's lifetime total: at every, 2·every, ….</summary>
internal static class UsageThresholds
{
    /// <summary>The highest threshold passed when the total went from <paramref name="before"/> (exclusive) to
    /// <paramref name="after"/> (inclusive), or null when none was. A jump over several thresholds is one
    /// occurrence: the work order is for the newest.</summary>
    public static double? Crossed(double before, double after, double every)
    {
        if (every <= 0 || after <= before)
        {
            return null;
        }
        var highest = Math.Floor(after / every) * every;
        return highest > before && highest > 0 ? highest : null;
    }

    /// <summary>The stable period name of a usage occurrence: <c>{meter}@{threshold}</c>.</summary>
    public static string Period(string meter, double threshold) =>
        FormattableString.Invariant($"{meter}@{threshold:0.###}");
}
