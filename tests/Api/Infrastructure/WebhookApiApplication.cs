namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>The API with webhooks to http receivers allowed, three attempts 200 ms apart (doubling) and a 100 ms poll,
/// so retries and dead letters happen within a test.</summary>
public sealed class WebhookApiApplication : ApiApplication
{
    public const int MaxAttempts = 3;

    /// <summary>The settings, for other applications that need them.</summary>
    public static IReadOnlyDictionary<string, string> WebhookSettings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Webhooks:AllowHttp"] = "true",
        ["AfterSales:Webhooks:MaxAttempts"] = "3",
        ["AfterSales:Webhooks:RetryBaseDelay"] = "00:00:00.2",
        ["AfterSales:Webhooks:RetryMaxDelay"] = "00:00:01",
        ["AfterSales:Webhooks:DeliveryTimeout"] = "00:00:05",
        ["AfterSales:Webhooks:PollInterval"] = "00:00:00.1",
    };

    protected override IReadOnlyDictionary<string, string> Settings => WebhookSettings;
}
