namespace AfterSales.Hosting;

/// <summary>How webhook deliveries are made (section <c>AfterSales:Webhooks</c>), checked at start by
/// <see cref="WebhookOptionsValidator"/>. docs/WEBHOOKS.md explains each.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "AfterSales:Webhooks";

    /// <summary>Accept <c>http</c> target URLs besides <c>https</c>: for tests and development only. Default false.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Attempts per event, the first included, before it is dead-lettered. Default 8 (1 to 50).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The nominal wait after the first failure; it doubles with each further failure. Default 10 seconds
    /// (100 ms to 1 hour).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest nominal wait between attempts. Default 1 hour (at least <see cref="RetryBaseDelay"/>, at
    /// most 1 day).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a receiver has to answer before the attempt counts as failed. Default 10 seconds (1 to 60 s).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the journal is read for new events and the queues look for due deliveries. Default 1 second
    /// (100 ms to 1 minute).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Journal events read per page. Default 500 (10 to 10,000).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How many positions below a queue's checkpoint a read starts again (as the case feed's Overlap).
    /// Default 200 (0 to 100,000).</summary>
    public int Overlap { get; set; } = 200;

    /// <summary>Events a subscription × partition queue holds at most; a full queue takes no more from the journal
    /// until it drains (its checkpoint waits, nothing is lost). Default 10,000 (100 to 1,000,000).</summary>
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Delivery-log entries each subscription × partition queue keeps (oldest dropped first). Default 1,000
    /// (10 to 100,000).</summary>
    public int LogLength { get; set; } = 1000;

    /// <summary>Deliveries a queue has in flight at once (each to a different case). Default 8 (1 to 64).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;
}
