namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A second, separate app whose concurrency limit is one request with no queue, to see 429s.</summary>
public sealed class LimitedApiApplication : ApiApplication
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Api:ConcurrencyLimit"] = "1",
        ["AfterSales:Api:QueueLimit"] = "0",
        ["AfterSales:Api:RetryAfterSeconds"] = "7",
    };
}
