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
        { "get", "/api/cases/{number}/routing" },
        { "post", "/api/cases/{number}/escalate" },
        { "post", "/api/cases/{number}/transfer" },
        { "post", "/api/cases/{number}/assign" },
        { "patch", "/api/technicians/{id}" },
        { "put", "/api/technicians/{id}/presence" },
        { "put", "/api/technicians/{id}/shift-pattern" },
        { "post", "/api/departments/{department}/{region}/review" },
        { "get", "/api/routing/policy" },
        { "put", "/api/routing/policy" },
        { "put", "/api/routing/rules/{id}" },
        { "delete", "/api/routing/rules/{id}" },
        { "put", "/api/routing/strategies/{department}" },
        { "delete", "/api/routing/strategies/{department}" },
        { "put", "/api/routing/strategies/{department}/{region}" },
        { "delete", "/api/routing/strategies/{department}/{region}" },
        { "put", "/api/routing/neighbours/{region}" },
        { "put", "/api/models/{code}" },
        { "get", "/api/models/{code}" },
        { "get", "/api/models" },
        { "post", "/api/models/{code}/fault-codes/{faultCode}/solutions" },
        { "get", "/api/devices/{serial}/history" },
        { "post", "/api/devices/{serial}/decommission" },
        { "post", "/api/contracts" },
        { "get", "/api/contracts/{id}" },
        { "post", "/api/cases/{number}/children" },
        { "get", "/api/problems" },
        { "get", "/api/models/{code}/proposed-solutions" },
    };

    /// <summary>Every change guarded by a version: (method, path, the statuses it must document besides 400 and 412).</summary>
    public static TheoryData<string, string, int[]> VersionedChanges => new()
    {
        { "post", "/api/cases/{number}/escalate", [404, 409] },
        { "post", "/api/cases/{number}/transfer", [404, 409] },
        { "post", "/api/cases/{number}/assign", [404, 409] },
        { "post", "/api/cases/{number}/children", [404, 409] },
        { "post", "/api/cases/{number}/resolve", [404, 409, 422] },
        { "patch", "/api/technicians/{id}", [404, 409] },
        { "put", "/api/technicians/{id}/presence", [404] },
        { "put", "/api/technicians/{id}/shift-pattern", [404] },
        { "put", "/api/routing/policy", [] },
        { "put", "/api/routing/rules/{id}", [] },
        { "delete", "/api/routing/rules/{id}", [404] },
        { "put", "/api/routing/strategies/{department}", [404] },
        { "put", "/api/routing/strategies/{department}/{region}", [404] },
        { "put", "/api/routing/neighbours/{region}", [404] },
        { "put", "/api/models/{code}", [404] },
        { "post", "/api/devices/{serial}/decommission", [404, 409] },
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
        // A client can get a route value or a body wrong (a malformed If-None-Match is ignored, so a header alone is not enough).
        var pathParameters = operation.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "path");
        if (pathParameters || operation.TryGetProperty("requestBody", out _))
        {
            Assert.NotEmpty(errors);
        }
        if (operation.TryGetProperty("parameters", out var all))
        {
            Assert.All(all.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header"),
                header => Assert.False(string.IsNullOrWhiteSpace(header.GetProperty("description").GetString())));
        }
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            Assert.False(requestBody.TryGetProperty("description", out _), "The body is described by its schema.");
            Assert.True(requestBody.GetProperty("content").TryGetProperty("application/json", out var json));
            // A named schema; an optional body is "null or" that schema.
            var schema = json.GetProperty("schema");
            Assert.True(schema.TryGetProperty("$ref", out _)
                || schema.GetProperty("oneOf").EnumerateArray().Any(s => s.TryGetProperty("$ref", out _)));
            Assert.True(responses.TryGetProperty("415", out _));
        }
        Assert.All(errors, error => Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _)));
    }

    [Fact]
    public async Task CreatesDocumentTheirIdempotencyKeyAndCaseCommandsTheirIfMatch()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        foreach (var create in new[] { "/api/customers", "/api/devices", "/api/technicians", "/api/cases", "/api/contracts" })
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

    [Theory]
    [MemberData(nameof(VersionedChanges))]
    public async Task VersionedChangesDocumentIfMatchAnd412(string method, string path, int[] statuses)
    {
        var operation = (await GetDocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Contains("If-Match", ParameterNames(operation));
        var responses = operation.GetProperty("responses");
        foreach (var status in statuses.Append(400).Append(412))
        {
            Assert.True(responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _), $"{method} {path} lacks {status}");
        }
        if (path.StartsWith("/api/cases/", StringComparison.Ordinal))
        {
            Assert.Contains("X-Actor", ParameterNames(operation));
        }
    }

    [Fact]
    public async Task RoutingSchemasNameTheirRequiredMembersAndTheirEnums()
    {
        var schemas = (await GetDocumentAsync()).GetProperty("components").GetProperty("schemas");

        var policy = schemas.GetProperty("RoutingPolicyRequest");
        Assert.Equal(["rules", "weights", "defaultStrategy", "strategies", "neighbours", "overflow", "relaxationDelay"],
            policy.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.False(policy.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["name", "minLevel"], schemas.GetProperty("SkillRequirementRequest").GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["leastLoaded", "roundRobin", "bestSkillMatch"],
            schemas.GetProperty("RoutingStrategy").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["onShift", "away", "offShift"], schemas.GetProperty("Presence").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("monday", schemas.GetProperty("DayOfWeek").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        var window = schemas.GetProperty("ShiftWindowRequest");
        Assert.Equal(["days", "start", "end"], window.GetProperty("required").EnumerateArray().Select(v => v.GetString()));
        Assert.False(string.IsNullOrEmpty(window.GetProperty("properties").GetProperty("start").GetProperty("pattern").GetString()));
        foreach (var response in new[] { "CaseRoutingResponse", "RoutingDecisionResponse", "RoutingCandidateResponse", "RoutingPolicyResponse", "QueueReviewResponse" })
        {
            Assert.True(schemas.TryGetProperty(response, out var schema), $"No schema {response}");
            Assert.NotEmpty(schema.GetProperty("properties").EnumerateObject());
        }
        Assert.True(schemas.GetProperty("DepartmentResponse").GetProperty("properties").TryGetProperty("strategy", out _));
        Assert.True(schemas.GetProperty("RosterEntryResponse").GetProperty("properties").TryGetProperty("presence", out _));
        Assert.True(schemas.GetProperty("CreateCaseRequest").GetProperty("properties").TryGetProperty("category", out _));
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
        Assert.Equal(["consultation", "fault", "complaint", "installation", "maintenance", "problem"],
            schemas.GetProperty("CaseType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
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
    public async Task NoRequiredMemberOfARequestBodyIsDocumentedAsNullable()
    {
        var document = await GetDocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var requests = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            // JSON bodies only: a text/calendar import's body is a plain string.
            .Where(operation => operation.Value.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out _))
            .Select(operation => operation.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            .SelectMany(body => ReferencedSchemas(body, schemas))
            .ToHashSet();

        Assert.Contains("SetShiftRequest", requests);
        Assert.Contains("SkillRequirementRequest", requests);
        foreach (var name in requests)
        {
            var schema = schemas.GetProperty(name);
            if (!schema.TryGetProperty("required", out var required))
            {
                continue;
            }
            foreach (var member in required.EnumerateArray().Select(m => m.GetString()!))
            {
                var property = schema.GetProperty("properties").GetProperty(member).GetRawText();
                Assert.DoesNotContain("\"null\"", property, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ClosedSetsIdentifiersAndHeaderRulesArePublished()
    {
        var document = await GetDocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var customer = schemas.GetProperty("CreateCustomerRequest").GetProperty("properties");
        var start = document.GetProperty("paths").GetProperty("/api/cases/{number}/start").GetProperty("post");
        var create = document.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        var department = document.GetProperty("paths").GetProperty("/api/departments/{department}/{region}").GetProperty("get");

        Assert.Equal(ApiApplication.Regions, Strings(customer.GetProperty("region").GetProperty("enum")));
        Assert.Equal(["zh-CN", "en"], Strings(customer.GetProperty("language").GetProperty("enum")));
        Assert.Equal(32, customer.GetProperty("phones").GetProperty("items").GetProperty("maxLength").GetInt32());
        Assert.Equal(ApiApplication.Regions, Strings(Parameter(department, "region").GetProperty("enum")));
        Assert.Equal(["customer-service", "technical-support", "installation", "maintenance"],
            Strings(Parameter(department, "department").GetProperty("enum")));
        Assert.Equal(AfterSales.Api.Validation.Limits.IdentifierPattern, Parameter(start, "number").GetProperty("pattern").GetString());
        Assert.Equal(AfterSales.Api.Http.EntityTagList.Pattern, Parameter(start, "If-Match").GetProperty("pattern").GetString());
        Assert.Equal(AfterSales.Api.Validation.Limits.ActorPattern, Parameter(start, "X-Actor").GetProperty("pattern").GetString());
        Assert.Equal(200, Parameter(create, "Idempotency-Key").GetProperty("maxLength").GetInt32());
        Assert.True(schemas.GetProperty("SetNeighboursRequest").GetProperty("properties").GetProperty("neighbours").GetProperty("uniqueItems").GetBoolean());
        Assert.False(document.TryGetProperty("servers", out _), "The listening address of one process is no use to clients.");
    }

    [Fact]
    public async Task ASchemaThatListsItsValuesListsNullExactlyWhenItsTypeAdmitsNull()
    {
        var document = await GetDocumentAsync();

        var closed = SchemasWithValues(document, "#").ToList();
        var nullable = closed.Where(found => AdmitsNull(found.Schema)).Select(found => found.Path).ToList();
        var listingNull = closed
            .Where(found => found.Schema.GetProperty("enum").EnumerateArray().Any(value => value.ValueKind == JsonValueKind.Null))
            .Select(found => found.Path).ToList();

        // The walk reaches the optional closed sets of request bodies (so the comparison below compares something).
        Assert.Contains("#/components/schemas/DevelopmentTokenRequest/properties/locale", nullable);
        Assert.Contains("#/components/schemas/DepartmentStrategyRequest/properties/region", nullable);
        // A validating client refuses a null the type admits if the values leave it out, and a listed null the type refuses
        // says the member is optional when the API requires it.
        Assert.Equal(nullable, listingNull);
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

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>The names of the component schemas a schema refers to, directly or through other components.</summary>
    private static HashSet<string> ReferencedSchemas(JsonElement schema, JsonElement components)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonElement>([schema]);
        while (pending.TryPop(out var node))
        {
            foreach (var name in References(node).Where(found.Add))
            {
                pending.Push(components.GetProperty(name));
            }
        }
        return found;
    }

    private static IEnumerable<string> References(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().SelectMany(member => member.Name == "$ref"
            ? [member.Value.GetString()!["#/components/schemas/".Length..]]
            : References(member.Value)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(References),
        _ => [],
    };

    /// <summary>Every schema in the document (at any depth, with its JSON pointer) that lists its values.</summary>
    private static IEnumerable<(string Path, JsonElement Schema)> SchemasWithValues(JsonElement node, string path)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                yield return (path, node);
            }
            foreach (var member in node.EnumerateObject())
            {
                foreach (var found in SchemasWithValues(member.Value, $"{path}/{member.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}"))
                {
                    yield return found;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                foreach (var found in SchemasWithValues(item, $"{path}/{index++}"))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>Whether a schema's type admits null (3.1 <c>type</c> list or 3.0 <c>nullable</c>).</summary>
    private static bool AdmitsNull(JsonElement schema) =>
        (schema.TryGetProperty("type", out var type) && type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() == "null",
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() == "null"),
            _ => false,
        })
        || (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True);

    private static IEnumerable<string?> ParameterNames(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
}
