using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Who gets in: bearer tokens that are expired, forged, unsigned or for another audience are refused with 401,
/// WWW-Authenticate and a problem body; API keys work within their scopes only; the development token endpoint signs
/// tokens the API accepts.</summary>
public sealed class AuthenticationTests(AccessApiApplication app) : IClassFixture<AccessApiApplication>
{
    private const string Protected = "/api/models";

    [Fact]
    public async Task NoCredentialIs401WithABearerChallengeAndAProblem()
    {
        using var client = app.CreateApiClient(bearerToken: null);

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task APathNoEndpointServesIs404EvenWithoutACredential()
    {
        using var client = app.CreateApiClient(bearerToken: null);

        using var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AValidTokenIsAccepted()
    {
        using var client = app.CreateApiClient(app.Tokens.For("agent", departments: ["customer-service"], regions: ["east"]));

        using var response = await client.GetAsync(Protected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenIs401()
    {
        using var client = app.CreateApiClient(app.Tokens.For("admin", expires: DateTime.UtcNow.AddMinutes(-10)));

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIs401()
    {
        using var client = app.CreateApiClient(app.Tokens.For("admin", signedWith: TestTokens.ForeignKey()));

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task AnUnsignedTokenWithAlgNoneIs401()
    {
        var token = TestTokens.WithoutSignature("admin");
        Assert.Contains("\"alg\":\"none\"", System.Text.Encoding.UTF8.GetString(Base64Url(token.Split('.')[0])), StringComparison.Ordinal);
        using var client = app.CreateApiClient(token);

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIs401()
    {
        using var client = app.CreateApiClient(app.Tokens.For("admin", audience: "another-api"));

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task ATamperedTokenIs401()
    {
        var parts = app.Tokens.For("customer", customerId: "C-1").Split('.');
        // The customer makes themselves an admin and keeps the signature.
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("\"customer\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        using var client = app.CreateApiClient(tampered);

        using var response = await client.GetAsync(Protected);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task AnUnknownApiKeyIs401()
    {
        using var client = app.CreateKeyClient("not-a-configured-key");

        using var response = await client.GetAsync("/api/webhooks/subscriptions");

        await AssertUnauthorizedAsync(response);
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task AnApiKeyReachesItsScopeAndIsForbiddenElsewhere()
    {
        using var client = app.CreateKeyClient(AccessApiApplication.Keys["webhooks"]);

        using var allowed = await client.GetAsync("/api/webhooks/subscriptions");
        using var forbidden = await client.GetAsync("/api/cti/calls");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var problem = await forbidden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$caller", out _));
    }

    [Fact]
    public async Task ABearerTokenCannotPassItselfOffAsAnApiKeyWithScopes()
    {
        using var client = app.CreateApiClient(app.Tokens.For("customer", customerId: "C-1",
            extraClaims: new Dictionary<string, object> { ["principal_type"] = "apikey", ["scope"] = "webhooks" }));

        using var response = await client.GetAsync("/api/webhooks/subscriptions");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ARoleWithoutTheRightIsForbiddenWithAProblem()
    {
        using var client = app.CreateApiClient(app.Tokens.For("technician", technicianId: "T-1"));

        using var response = await client.PutAsync("/api/sla/policy", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDevelopmentTokenEndpointSignsATokenTheApiAccepts()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);

        using var issued = await anonymous.PostAsJsonAsync("/api/dev/tokens",
            new { role = "supervisor", subject = "sup-1", departments = new[] { "maintenance" }, regions = new[] { "east" } });

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expiresIn").GetInt32());
        using var client = app.CreateApiClient(body.GetProperty("accessToken").GetString());
        using var departments = await client.GetAsync("/api/departments");
        using var policy = await client.PutAsync("/api/sla/policy", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, departments.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, policy.StatusCode);
    }

    [Fact]
    public async Task TheDevelopmentTokenEndpointRefusesACustomerTokenWithoutTheCustomer()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);

        using var response = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { role = "customer", subject = "c-1", regions = new[] { "nowhere" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _));
        Assert.True(errors.TryGetProperty("regions[0]", out _));
    }

    [Fact]
    public async Task ADevelopmentTokenCarriesTheProfilesLanguageAsItsLocaleAndRefusesAnUnknownOne()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);

        using var issued = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "a-1", locale = "zh-CN" });
        using var without = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "a-1" });
        using var unknown = await anonymous.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "a-1", locale = "fr" });

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("zh-CN", Payload(await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locale").GetString());
        Assert.False(Payload(await without.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("locale", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("locale", out _));
    }

    [Fact]
    public async Task ADevelopmentTokenAskedForWithANullLocaleCarriesNone()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);

        // The published schema lists null among the locale's values: a client may send it rather than leave it out.
        using var issued = await anonymous.PostAsync("/api/dev/tokens", ApiDriver.JsonBody("""{"role":"admin","subject":"a-1","locale":null}"""));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.False(Payload(await issued.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("locale", out _));
    }

    private static JsonElement Payload(JsonElement issued)
    {
        var part = issued.GetProperty("accessToken").GetString()!.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(part.PadRight(part.Length + ((4 - part.Length % 4) % 4), '='))).RootElement;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("Authorization", out _));
    }

    private static byte[] Base64Url(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }
}
