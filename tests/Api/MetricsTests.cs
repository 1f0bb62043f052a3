using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The Prometheus scrape endpoint: the project's instruments with their tags, beside ASP.NET Core's, Orleans'
/// and the runtime's. The project's meter is one per process and every app of the test process reports into it, so
/// these tests take regions no other app uses (<see cref="ApiApplication.NewRegionOfTheProcess"/>).</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task ACreatedCaseIsCountedByDepartmentAndRegion()
    {
        var region = ApiApplication.NewRegionOfTheProcess();
        var driver = new ApiDriver(client);
        var customer = await driver.CreateCustomerAsync(region);

        await driver.OpenCaseAsync(customer.Id, "maintenance");

        var metrics = await ScrapeAsync();
        Assert.Equal(1, Value(metrics, "aftersales_cases_created_total", ("department", "maintenance"), ("region", region)));
    }

    [Fact]
    public async Task ACaseNobodyCanTakeShowsInItsDepartmentsQueueLength()
    {
        var region = ApiApplication.NewRegionOfTheProcess();
        var driver = new ApiDriver(client);
        var customer = await driver.CreateCustomerAsync(region);

        await driver.OpenCaseAsync(customer.Id, "maintenance");
        await driver.OpenCaseAsync(customer.Id, "maintenance");

        var metrics = await ScrapeAsync();
        Assert.Equal(2, Value(metrics, "aftersales_department_queue_length", ("department", "maintenance"), ("region", region)));
        Assert.Null(Value(metrics, "aftersales_cases_assignments_total", ("department", "maintenance"), ("region", region)));
    }

    [Fact]
    public async Task AnAssignmentIsCountedWithItsKind()
    {
        var region = ApiApplication.NewRegionOfTheProcess();
        var driver = new ApiDriver(client);

        await driver.OpenAssignedCaseAsync(region);

        var metrics = await ScrapeAsync();
        Assert.Equal(1, Value(metrics, "aftersales_cases_assignments_total", ("department", "maintenance"), ("region", region), ("kind", "assigned")));
        Assert.Equal(0, Value(metrics, "aftersales_department_queue_length", ("department", "maintenance"), ("region", region)));
    }

    [Fact]
    public async Task TheScrapeHasAspNetCoreOrleansAndRuntimeMetrics()
    {
        using (await client.GetAsync("/ping"))
        {
        }

        var metrics = await ScrapeAsync();

        Assert.Contains(metrics, line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(metrics, line => line.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(metrics, line => line.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoMetricCarriesACustomersPhoneOrEmail()
    {
        var driver = new ApiDriver(client);
        var customer = await driver.CreateCustomerAsync(ApiApplication.NewRegionOfTheProcess());
        await driver.OpenCaseAsync(customer.Id, "maintenance");

        var metrics = await ScrapeAsync();

        Assert.DoesNotContain(metrics, line => line.Contains("8613800138000", StringComparison.Ordinal)
            || line.Contains("example.com", StringComparison.OrdinalIgnoreCase) || line.Contains(customer.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDocumentListsTheScrapeAsAGetAnsweredInTheContentTypesTheEndpointServes()
    {
        using var documentResponse = await client.GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await documentResponse.Content.ReadAsStringAsync());
        var path = document.RootElement.GetProperty("paths").GetProperty("/metrics");
        Assert.Equal(["get"], path.EnumerateObject().Select(p => p.Name));
        var operation = path.GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        var documented = operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Equal(["text/plain; version=0.0.4; charset=utf-8", "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=underscores"], documented);

        using var text = await client.GetAsync("/metrics");
        using var openMetricsRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        openMetricsRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/openmetrics-text"));
        using var openMetrics = await client.SendAsync(openMetricsRequest);
        using var post = await client.PostAsync("/metrics", null);

        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal(documented[0], text.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.OK, openMetrics.StatusCode);
        Assert.Equal(documented[1], openMetrics.Content.Headers.ContentType?.ToString());
        Assert.EndsWith("# EOF", (await openMetrics.Content.ReadAsStringAsync()).TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    private async Task<string[]> ScrapeAsync()
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }

    /// <summary>The value of the series <paramref name="name"/> whose labels include every one of
    /// <paramref name="labels"/> (summed, should several match), or null when none does.</summary>
    private static double? Value(string[] metrics, string name, params (string Name, string Value)[] labels)
    {
        var matching = metrics
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .ToList();
        return matching.Count == 0 ? null : matching.Sum();
    }
}
