namespace AfterSales.Hosting;

/// <summary>How long idempotency keys are remembered (section <c>AfterSales:Idempotency</c>), checked at start by
/// <see cref="IdempotencyOptionsValidator"/>.</summary>
/// <remarks>A key's record answers replays until <see cref="Retention"/> after its first use; from then on the key is
/// new. Records are removed in windows: the records whose retention ends in the same <see cref="ExpiryWindow"/> are
/// listed together and removed by one reminder at the window's end, so no sweep ever scans every key.</remarks>
public sealed class IdempotencyOptions
{
    public const string SectionName = "AfterSales:Idempotency";

    /// <summary>How long after its first use a key answers replays with the first answer. Default 24 hours
    /// (1 minute to 365 days). A change applies to keys already stored.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The width of the windows in which expired records are removed together: a record is removed at most
    /// this long after its retention ends. Default 1 hour (1 minute to 1 day).</summary>
    public TimeSpan ExpiryWindow { get; set; } = TimeSpan.FromHours(1);
}
