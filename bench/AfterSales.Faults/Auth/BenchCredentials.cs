using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AfterSales.Faults.Auth;

/// <summary>How the load tools sign in to the API processes they start: every such process is configured with one signing
/// key made for this run (<see cref="Settings"/>), and the tools send an admin token signed with it. The per-caller rate
/// limits are raised for those processes: the whole load is one caller. A token from <c>AFTERSALES_TOKEN</c> is used
/// instead against an instance the tools did not start.</summary>
public static class BenchCredentials
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The token the tools send: <c>AFTERSALES_TOKEN</c> when set, else an admin token for the processes they start.</summary>
    public static string Token { get; } = Environment.GetEnvironmentVariable("AFTERSALES_TOKEN") is { Length: > 0 } given ? given : AdminToken();

    /// <summary>The configuration of an API process the tools start.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Auth:SigningKeys:0"] = Convert.ToBase64String(Key),
        ["AfterSales:Auth:RateLimits:PerUser"] = "1000000000",
        ["AfterSales:Auth:RateLimits:PerApiKey"] = "1000000000",
        ["AfterSales:Auth:RateLimits:PerAnonymousAddress"] = "1000000000",
    };

    /// <summary>Adds the token to a client's default headers.</summary>
    public static HttpClient SignIn(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>An HS256 JWT for an admin, valid for a day, with the API's default issuer and audience.</summary>
    private static string AdminToken()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "aftersales",
            ["aud"] = "aftersales-api",
            ["sub"] = "bench-admin",
            ["role"] = "admin",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 86_400,
        }));
        var signature = Encode(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
