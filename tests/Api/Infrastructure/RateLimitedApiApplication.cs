namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app with tiny per-caller limits in an hour-long window, so a test exhausts a partition in a few requests
/// and the window cannot roll over under it.</summary>
public sealed class RateLimitedApiApplication : ApiApplication
{
    public const int PerUser = 3;
    public const int PerAnonymousAddress = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Auth:RateLimits:Window"] = "01:00:00",
        ["AfterSales:Auth:RateLimits:PerUser"] = PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AfterSales:Auth:RateLimits:PerAnonymousAddress"] = PerAnonymousAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
