using System.Diagnostics;
using System.Net;
using AfterSales.Api.Health;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Traces, the failing-readiness answer and the dashboard, on an app that records spans in memory.</summary>
[Collection(ObservedCollection.Name)]
public sealed class ObservabilityTests(ObservedApiApplication app) : IDisposable
{
    private static readonly TimeSpan SpanWait = TimeSpan.FromSeconds(30);

    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task ARequestProducesAnAspNetCoreSpanAndOrleansSpansInTheSameTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var driver = new ApiDriver(client);

        using var response = await driver.SendAsync(HttpMethod.Post, "/api/customers",
            ApiDriver.JsonBody(ApiDriver.CustomerBody(ApiDriver.Unique("C"), phone: "+86 139 1234 5678")),
            ("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await app.Spans.WaitForAsync(s => s.TraceId == traceId && s.Source.Name == "Microsoft.AspNetCore").WaitAsync(SpanWait);
        var trace = app.Spans.Where(s => s.TraceId == traceId).ToList();
        Assert.Equal("/api/customers", (request.GetTagItem("http.route") as string)?.TrimEnd('/'));
        var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToList();
        var seen = string.Join("\n", trace.Select(s => $"{s.Source.Name} {s.Kind} {s.DisplayName} {string.Join(", ", s.Tags.Select(t => $"{t.Key}={t.Value}"))}"));
        Assert.True(grainCalls.Any(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.Orleans.Application"
            && Equals(s.GetTagItem("orleans.rpc.service"), "AfterSales.Customers.ICustomerGrain")), seen);
        Assert.True(grainCalls.Any(s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("orleans.rpc.service"), "AfterSales.Customers.ICustomerGrain")), seen);
        // The caller-id index is keyed by a hash of the number (CustomerKeys.PhoneIndex): its spans carry the hash.
        Assert.True(grainCalls.Any(s => Equals(s.GetTagItem("orleans.rpc.target_id"),
            "phoneindex/" + AfterSales.Customers.CustomerKeys.PhoneIndex("+8613912345678"))), seen);
        Assert.DoesNotContain(trace.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("8613912345678", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ReadinessAnswers503ListingEveryCheckWhenOneFails()
    {
        app.Failing.On = true;
        try
        {
            using var response = await client.GetAsync("/health/ready");

            var report = await ApiDriver.ReadAsync<HealthReportResponse>(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HealthState.Unhealthy, report.Status);
            Assert.Equal(["database", ObservedApiApplication.InjectedCheck, "membership", "silo"], report.Checks.Select(c => c.Name));
            var failed = Assert.Single(report.Checks, c => c.Status != HealthState.Healthy);
            Assert.Equal(ObservedApiApplication.InjectedCheck, failed.Name);
            Assert.Equal("Injected failure.", failed.Description);
        }
        finally
        {
            app.Failing.On = false;
        }
    }

    [Fact]
    public async Task ReadinessRecoversTo200OnceTheFailingCheckPasses()
    {
        app.Failing.On = false;

        using var response = await client.GetAsync("/health/ready");

        var report = await ApiDriver.ReadAsync<HealthReportResponse>(response, HttpStatusCode.OK);
        Assert.All(report.Checks, check => Assert.Equal(HealthState.Healthy, check.Status));
    }

    [Fact]
    public async Task LivenessStays200WhileReadinessFails()
    {
        app.Failing.On = true;
        try
        {
            using var response = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            app.Failing.On = false;
        }
    }

    [Fact]
    public async Task TheDashboardIsServedUnderItsPathWhenItIsOn()
    {
        using var page = await client.GetAsync("/dashboard/");
        using var version = await client.GetAsync("/dashboard/version");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Contains("\"version\"", await version.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
