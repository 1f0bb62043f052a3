using System.Net;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The published contract: every route, its summary, its schemas and its error answers.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    public static TheoryData<string, string> Routes => new()
    {
        { "post", "/api/customers" },
        { "get", "/api/customers/{id}" },
        { "get", "/api/customers/{id}/cases" },
        { "get", "/api/customers/lookup" },
        { "post", "/api/devices" },
        { "get", "/api/devices/{serial}" },
        { "post", "/api/technicians" },
        { "get", "/api/technicians/{id}" },
        { "post", "/api/technicians/{id}/shift" },
        { "get", "/api/technicians/{id}/assignments" },
        { "get", "/api/departments" },
        { "get", "/api/departments/{department}/{region}" },
        { "post", "/api/cases" },
        { "get", "/api/cases/{number}" },
        { "get", "/api/cases/{number}/history" },
        { "post", "/api/cases/{number}/notes" },
        { "post", "/api/cases/{number}/start" },
        { "post", "/api/cases/{number}/wait" },
        { "post", "/api/cases/{number}/resume" },
        { "post", "/api/cases/{number}/resolve" },
        { "post", "/api/cases/{number}/close" },
        { "post", "/api/cases/{number}/reopen" },
        { "post", "/api/cases/{number}/cancel" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteIsDocumentedWithASummaryAndItsErrorAnswers(string method, string path)
    {
        var document = await GetDocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty(method == "post" && !path.Contains('{', StringComparison.Ordinal) ? "201" : "200", out var success));
        Assert.True(success.TryGetProperty("content", out _));
        Assert.True(responses.TryGetProperty("429", out var tooMany));
        Assert.True(tooMany.GetProperty("content").TryGetProperty("application/problem+json", out _));
        var errors = responses.EnumerateObject().Where(r => r.Name.StartsWith('4') && r.Name != "429").ToList();
        if (operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _))
        {
            Assert.NotEmpty(errors);
        }
        Assert.All(errors, error => Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _)));
    }

    [Fact]
    public async Task CreatesDocumentTheirIdempotencyKeyAndCaseCommandsTheirIfMatch()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        foreach (var create in new[] { "/api/customers", "/api/devices", "/api/technicians", "/api/cases" })
        {
            Assert.Contains(ParameterNames(paths.GetProperty(create).GetProperty("post")), name => name == "Idempotency-Key");
            Assert.True(paths.GetProperty(create).GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
        }
        var start = paths.GetProperty("/api/cases/{number}/start").GetProperty("post");
        Assert.Contains("If-Match", ParameterNames(start));
        Assert.Contains("X-Actor", ParameterNames(start));
        Assert.True(start.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(start.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task EnumsArePublishedAsTheirJsonStrings()
    {
        var schemas = (await GetDocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal("string", schemas.GetProperty("Department").GetProperty("type").GetString());
        Assert.Equal(["customer-service", "technical-support", "installation", "maintenance"],
            schemas.GetProperty("Department").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["new", "assigned", "inProgress", "waitingForCustomer", "resolved", "closed", "cancelled"],
            schemas.GetProperty("CaseStatus").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task RequestSchemasNameTheirRequiredFieldsAndRefuseOthers()
    {
        var schemas = (await GetDocumentAsync()).GetProperty("components").GetProperty("schemas");
        var createCase = schemas.GetProperty("CreateCaseRequest");

        Assert.Equal(["customerId", "type", "priority", "channel", "subject", "description"],
            createCase.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.False(createCase.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(200, createCase.GetProperty("properties").GetProperty("subject").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task TheScalarReferenceIsServed()
    {
        using var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<string?> ParameterNames(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
}
