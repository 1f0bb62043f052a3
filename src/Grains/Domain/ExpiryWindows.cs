namespace AfterSales.Domain;

/// <summary>Groups moments into fixed windows counted from the Unix epoch, so every silo puts a moment in the same
/// window whatever its start time.</summary>
internal static class ExpiryWindows
{
    /// <summary>The end of the window of width <paramref name="width"/> that holds <paramref name="at"/>; a moment on a
    /// boundary belongs to the window it ends.</summary>
    public static DateTimeOffset EndOf(DateTimeOffset at, TimeSpan width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, TimeSpan.Zero);
        var sinceEpoch = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var windows = (sinceEpoch + width.Ticks - 1) / width.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(windows * width.Ticks);
    }
}
