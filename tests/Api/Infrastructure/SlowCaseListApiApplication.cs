namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app whose case list is a second behind the journal: each partition gathers live events for the longest
/// allowed delay, and the catch-up reader waits the longest allowed interval.</summary>
public sealed class SlowCaseListApiApplication : ApiApplication
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:CaseFeed:LiveBatchDelay"] = "00:00:01",
        ["AfterSales:CaseFeed:CatchUpInterval"] = "00:05:00",
    };
}
