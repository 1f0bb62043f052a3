namespace AfterSales.Api.Hosting;

/// <summary>How the HTTP API protects the box (section <c>AfterSales:Api</c>), checked at start by
/// <see cref="ApiOptionsValidator"/>.</summary>
/// <remarks>The silo saturates the CPU long before Kestrel does, so the API sheds load explicitly: at most
/// <see cref="ConcurrencyLimit"/> API requests run at once, <see cref="QueueLimit"/> more wait, and the rest
/// are answered 429 at once instead of queueing into multi-second latencies.</remarks>
public sealed class ApiOptions
{
    public const string SectionName = "AfterSales:Api";

    /// <summary>API requests handled at the same time. Default 64.</summary>
    public int ConcurrencyLimit { get; set; } = 64;

    /// <summary>API requests allowed to wait for a slot (oldest first); beyond that, 429. Default 256.</summary>
    public int QueueLimit { get; set; } = 256;

    /// <summary>Seconds a client is asked to wait after a 429 (the <c>Retry-After</c> header). Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How long the readiness probe waits for the silo to answer and storage to accept a write. Default 2 s.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
