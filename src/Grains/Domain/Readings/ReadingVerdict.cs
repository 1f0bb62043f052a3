namespace AfterSales.Domain.Readings;

/// <summary>What a device does with one reading of a known meter.</summary>
internal enum ReadingVerdict
{
    /// <summary>Newer than the meter's last reading: applied.</summary>
    Apply,
    /// <summary>At or before the meter's last reading: already superseded (a retry, a late duplicate); ignored.</summary>
    Stale,
    /// <summary>A counter lower than its last value without a reset: refused.</summary>
    Backwards,
    /// <summary>A counter below zero: refused.</summary>
    Negative,
}
