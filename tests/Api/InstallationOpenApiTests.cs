using System.Net;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The installation routes in the published contract: summaries, error answers, headers, examples, the HTML
/// form of the report and the schemas' rules.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstallationOpenApiTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    public static TheoryData<string, string, string, int[]> Routes => new()
    {
        { "post", "/api/shipments", "201", [400, 404, 409, 413, 415, 422, 429] },
        { "get", "/api/shipments/{id}", "200", [400, 404, 429] },
        { "get", "/api/cases/{number}/checklist", "200", [400, 404, 409, 429] },
        { "put", "/api/cases/{number}/checklist/{itemId}", "200", [400, 404, 409, 412, 413, 415, 422, 429] },
        { "post", "/api/cases/{number}/commissioning", "201", [400, 404, 409, 413, 415, 422, 429] },
        { "get", "/api/cases/{number}/commissioning-report", "200", [400, 404, 429] },
        { "get", "/api/cases/{number}/commissioning-report.html", "200", [400, 404, 429] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryInstallationRouteHasASummaryItsSuccessAndItsProblemAnswersAndDescribedParameters(string method, string path, string success, int[] problems)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        var responses = operation.GetProperty("responses");
        Assert.True(responses.GetProperty(success).TryGetProperty("content", out _));
        foreach (var status in problems)
        {
            var problem = responses.GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {status}");
        }
        foreach (var parameter in operation.GetProperty("parameters").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), parameter.GetProperty("name").GetString());
            if (parameter.GetProperty("in").GetString() == "path")
            {
                Assert.Equal("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", parameter.GetProperty("schema").GetProperty("pattern").GetString());
            }
        }
        if (operation.TryGetProperty("requestBody", out var body))
        {
            Assert.True(body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{path} has no example");
        }
    }

    [Fact]
    public async Task TheReportIsPublishedAsJsonAndAsAnHtmlPage()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var negotiated = paths.GetProperty("/api/cases/{number}/commissioning-report").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        var page = paths.GetProperty("/api/cases/{number}/commissioning-report.html").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");

        Assert.Equal(["application/json", "text/html"], negotiated.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal(["text/html"], page.EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task CreatesTakeAnIdempotencyKeyAndTheAnswerTakesIfMatch()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.Contains("Idempotency-Key", Names(paths.GetProperty("/api/shipments").GetProperty("post")));
        Assert.Contains("Idempotency-Key", Names(paths.GetProperty("/api/cases/{number}/commissioning").GetProperty("post")));
        Assert.Contains("If-Match", Names(paths.GetProperty("/api/cases/{number}/checklist/{itemId}").GetProperty("put")));
        Assert.Contains("If-None-Match", Names(paths.GetProperty("/api/cases/{number}/checklist").GetProperty("get")));
    }

    [Fact]
    public async Task InstallationSchemasNameTheirRequiredMembersLimitsAndEnums()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var shipment = schemas.GetProperty("CreateShipmentRequest");
        Assert.Equal(["customerId", "shippedOn", "devices"], Strings(shipment.GetProperty("required")));
        Assert.Equal(50, shipment.GetProperty("properties").GetProperty("devices").GetProperty("maxItems").GetInt32());
        Assert.False(shipment.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["start", "end"], Strings(schemas.GetProperty("InstallationWindowRequest").GetProperty("required")));
        Assert.Equal(["signOff"], Strings(schemas.GetProperty("CommissioningRequest").GetProperty("required")));
        Assert.Equal(["name", "signedAt"], Strings(schemas.GetProperty("SignOffRequest").GetProperty("required")));
        var photos = schemas.GetProperty("ChecklistAnswerRequest").GetProperty("properties").GetProperty("photos");
        Assert.Equal((10, 2000), (photos.GetProperty("maxItems").GetInt32(), photos.GetProperty("items").GetProperty("maxLength").GetInt32()));
        Assert.Equal(["pass", "fail"], Strings(schemas.GetProperty("CommissioningVerdict").GetProperty("enum")));
        Assert.Equal(["processing", "completed"], Strings(schemas.GetProperty("ShipmentStatus").GetProperty("enum")));
        Assert.True(schemas.GetProperty("CreateCaseRequest").GetProperty("properties").TryGetProperty("installationWindow", out _));
        var caseProperties = schemas.GetProperty("CaseResponse").GetProperty("properties");
        Assert.True(caseProperties.TryGetProperty("relatedCases", out _) && caseProperties.TryGetProperty("installationWindow", out _));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<string?> Names(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString() ?? "")];
}
