using System.Net;
using System.Text.Json;
using AfterSales.Api.Health;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task LivenessAnswersHealthyWithoutAskingAnything()
    {
        using var response = await client.GetAsync("/health/live");

        var report = await ApiDriver.ReadAsync<HealthReportResponse>(response, HttpStatusCode.OK);
        Assert.Equal(HealthState.Healthy, report.Status);
        Assert.Empty(report.Checks);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ReadinessListsTheSiloMembershipAndDatabaseChecksAllHealthyInEmbeddedMode()
    {
        using var response = await client.GetAsync("/health/ready");

        var report = await ApiDriver.ReadAsync<HealthReportResponse>(response, HttpStatusCode.OK);
        Assert.Equal(HealthState.Healthy, report.Status);
        Assert.Equal(["database", "membership", "silo"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, check => Assert.Equal(HealthState.Healthy, check.Status));
        Assert.Equal("SQLite answered.", report.Checks.Single(c => c.Name == "database").Description);
        Assert.StartsWith("This silo is Active", report.Checks.Single(c => c.Name == "membership").Description);
    }

    [Fact]
    public async Task ReadinessWritesStatusesAsCamelCaseStrings()
    {
        using var response = await client.GetAsync("/health/ready");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", body.RootElement.GetProperty("checks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task PingAnswersPongAsPlainText()
    {
        using var response = await client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }
}
