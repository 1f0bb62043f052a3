using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The per-caller request limits: each signed-in person and each anonymous client address has its own window;
/// past it, 429 with Retry-After and a problem body, while other callers go on. Probes are never limited.</summary>
public sealed class RateLimitTests(RateLimitedApiApplication app) : IClassFixture<RateLimitedApiApplication>
{
    [Fact]
    public async Task APersonPastTheirLimitGets429WhileAnotherPersonGoesOn()
    {
        using var first = app.CreateApiClient(app.Tokens.For("admin"));
        using var second = app.CreateApiClient(app.Tokens.For("admin"));

        for (var i = 0; i < RateLimitedApiApplication.PerUser; i++)
        {
            using var allowed = await first.GetAsync("/api/models");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await first.GetAsync("/api/models");
        using var other = await second.GetAsync("/api/models");

        await AssertLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AnonymousRequestsAreLimitedPerClientAddressAndProbesAreNot()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);
        // Every anonymous request of this test class comes from 127.0.0.1: this test is the only one that sends any.
        for (var i = 0; i < RateLimitedApiApplication.PerAnonymousAddress; i++)
        {
            using var refused = await anonymous.GetAsync("/api/models");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var limited = await anonymous.GetAsync("/api/models");
        using var probe = await anonymous.GetAsync("/health/live");
        using var signedIn = app.CreateApiClient(app.Tokens.For("admin"));
        using var person = await signedIn.GetAsync("/api/models");

        await AssertLimitedAsync(limited);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("this caller", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
