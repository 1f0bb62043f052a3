using AfterSales.Api.Access;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app with one API key per scope, so the access tests can call as each integration.</summary>
public sealed class AccessApiApplication : ApiApplication
{
    /// <summary>The keys by scope (the keys themselves; the app is configured with their hashes).</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["cti"] = "test-key-cti-5c1f0e",
        ["intake"] = "test-key-intake-9a7d2b",
        ["webhooks"] = "test-key-webhooks-3e8c4f",
        ["readings"] = "test-key-readings-6b2a1d",
    };

    protected override IReadOnlyDictionary<string, string> Settings { get; } = KeySettings();

    private static Dictionary<string, string> KeySettings()
    {
        var settings = new Dictionary<string, string>();
        var i = 0;
        foreach (var (scope, key) in Keys)
        {
            settings[$"AfterSales:Auth:ApiKeys:{i}:Id"] = "test-" + scope;
            settings[$"AfterSales:Auth:ApiKeys:{i}:Hash"] = ApiKeyAuthenticationHandler.HashOf(key);
            settings[$"AfterSales:Auth:ApiKeys:{i}:Scopes:0"] = scope;
            i++;
        }
        return settings;
    }

    /// <summary>A client sending <paramref name="key"/> as <c>X-Api-Key</c>.</summary>
    public HttpClient CreateKeyClient(string key)
    {
        var client = CreateApiClient(bearerToken: null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }
}
