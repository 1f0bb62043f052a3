namespace AfterSales.Api.Access;

/// <summary>Who may call the API (section <c>AfterSales:Auth</c>), checked at start by <see cref="AuthOptionsValidator"/>.
/// People present JWT bearer tokens, either from an external identity provider (<see cref="Authority"/>) or signed with
/// one of <see cref="SigningKeys"/>; integrations present an <c>X-Api-Key</c> listed in <see cref="ApiKeys"/>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "AfterSales:Auth";

    /// <summary>The <c>iss</c> every token must carry. Default <c>aftersales</c> (the development tokens' issuer); with
    /// an <see cref="Authority"/>, set it to the provider's issuer.</summary>
    public string Issuer { get; set; } = "aftersales";

    /// <summary>The <c>aud</c> every token must carry. Default <c>aftersales-api</c>.</summary>
    public string Audience { get; set; } = "aftersales-api";

    /// <summary>An OpenID Connect provider whose discovery document and signing keys validate tokens (e.g.
    /// <c>https://login.example.com/realms/aftersales</c>). Default: none.</summary>
    public string? Authority { get; set; }

    /// <summary>Base64 HMAC-SHA256 keys (32 bytes or more) that validate tokens when no <see cref="Authority"/> is used.
    /// Default: none (embedded mode and Development add the generated development key).</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Tolerated clock difference between the token's issuer and this server. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime of a development token. Default 8 hours.</summary>
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The integrations' keys, stored as SHA-256 hashes. Default: none.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Requests per principal, API key and client address. Defaults in <see cref="RateLimitOptions"/>.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>One integration's key (an item of <c>AfterSales:Auth:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The key's name, the principal's <c>sub</c> (e.g. <c>pbx-1</c>); never the key itself.</summary>
    public string Id { get; set; } = "";

    /// <summary>SHA-256 of the key as 64 hex digits: <c>printf %s "$KEY" | sha256sum</c>.</summary>
    public string Hash { get; set; } = "";

    /// <summary>What the key may do: <c>cti</c>, <c>intake</c>, <c>webhooks</c>, <c>readings</c>.</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>Fixed-window request limits (section <c>AfterSales:Auth:RateLimits</c>), apart from the API's concurrency
/// limit: a signed-in person, an API key, and an anonymous client address each have their own window.</summary>
public sealed class RateLimitOptions
{
    /// <summary>The window the limits count in. Default 10 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests a signed-in person may make per window. Default 1000.</summary>
    public int PerUser { get; set; } = 1000;

    /// <summary>Requests an API key may make per window (a PBX or an intake integration carries many people's work).
    /// Default 20000.</summary>
    public int PerApiKey { get; set; } = 20_000;

    /// <summary>Requests without a valid credential one client address may make per window. Default 100.</summary>
    public int PerAnonymousAddress { get; set; } = 100;
}
