using System.Collections.Immutable;
using System.Net;
using System.Text;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Every routing endpoint answers a client mistake with a 4xx problem — never a 500: bodies that are not
/// JSON, not objects, of the wrong shape or absurd size, unknown ids, malformed route values and headers.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutingBadInputTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    /// <summary>Routes with a body; <c>{case}</c> and <c>{technician}</c> are filled with real ones.</summary>
    public static TheoryData<string, string> BodyRoutes => new()
    {
        { "POST", "/api/cases/{case}/escalate" },
        { "POST", "/api/cases/{case}/transfer" },
        { "POST", "/api/cases/{case}/assign" },
        { "PATCH", "/api/technicians/{technician}" },
        { "PUT", "/api/technicians/{technician}/presence" },
        { "PUT", "/api/technicians/{technician}/shift-pattern" },
        { "PUT", "/api/routing/policy" },
        { "PUT", "/api/routing/rules/rule-1" },
        { "PUT", "/api/routing/strategies/installation" },
        { "PUT", "/api/routing/strategies/installation/east" },
        { "PUT", "/api/routing/neighbours/east" },
    };

    private static readonly ImmutableArray<string> BadBodies =
    [
        "",
        "{",
        "null",
        "[]",
        "\"text\"",
        "42",
        "{\"unknown\":1}",
        "{}",
        "{\"reason\":{},\"department\":[],\"technicianId\":true,\"presence\":{},\"capacity\":\"3\",\"skills\":{},\"windows\":{},\"rules\":\"x\",\"strategy\":[],\"neighbours\":\"east\"}",
        "{\"capacity\":1e400,\"windows\":[{\"days\":\"monday\"}],\"neighbours\":[[]],\"required\":{}}",
        "{\"rules\":[{\"required\":[{\"name\":\"x\",\"minLevel\":2147483648}]}],\"relaxationDelay\":\"99999999.00:00:00\"}",
        "{\"reason\":\"\\u0000\",\"technicianId\":\"\\u0000\",\"skills\":[{\"name\":\"\\u0000\",\"level\":1}]}",
    ];

    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task NoBadBodyOnARoutingRouteAnswers500(string method, string template)
    {
        var path = await FillAsync(template);
        var (policy, _) = await api.GetPolicyAsync();

        foreach (var body in BadBodies)
        {
            using var response = await api.SendAsync(new HttpMethod(method), path, ApiDriver.JsonBody(body));
            await AssertClientErrorAsync(response, $"{method} {path} with {body}");
        }
        using var notJson = await api.SendAsync(new HttpMethod(method), path, new StringContent("reason=x", Encoding.UTF8, "text/plain"));
        await Problem.AssertAsync(notJson, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        using var tooLarge = await api.SendAsync(new HttpMethod(method), path, ApiDriver.JsonBody($$"""{"reason":"{{new string('x', 70_000)}}"}"""));
        await Problem.AssertAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "$");
        using var badIfMatch = await api.SendAsync(new HttpMethod(method), path, ApiDriver.JsonBody("{}"), ("If-Match", "W/\"1\""));
        await AssertClientErrorAsync(badIfMatch, $"{method} {path} with a weak If-Match");
        Assert.Equal(policy.Version, (await api.GetPolicyAsync()).Policy.Version);
    }

    public static TheoryData<string, string, string?> RouteValues => new()
    {
        { "GET", "/api/cases/a%01b/routing", null },
        { "GET", "/api/cases/..%2F..%2Fetc/routing", null },
        { "POST", "/api/cases/AS-1999-000001/escalate", """{"reason":"x"}""" },
        { "POST", "/api/cases/AS%201999/transfer", """{"department":"installation","reason":"x"}""" },
        { "POST", "/api/cases/AS-1999-000001/assign", """{"technicianId":"T-nobody","reason":"x"}""" },
        { "PATCH", "/api/technicians/T%20x", """{"capacity":2}""" },
        { "PUT", "/api/technicians/T-nobody/presence", """{"presence":"away"}""" },
        { "PUT", "/api/technicians/-x/shift-pattern", """{"windows":[]}""" },
        { "PUT", "/api/routing/rules/bad%20id", """{"required":[{"name":"x","minLevel":1}]}""" },
        { "PUT", "/api/routing/rules/.dot", """{"required":[{"name":"x","minLevel":1}]}""" },
        { "DELETE", "/api/routing/rules/bad%20id", null },
        { "DELETE", "/api/routing/rules/no-such-rule", null },
        { "PUT", "/api/routing/strategies/INSTALLATION", """{"strategy":"roundRobin"}""" },
        { "DELETE", "/api/routing/strategies/installation/EAST", null },
        { "PUT", "/api/routing/neighbours/%C3%A9ast", """{"neighbours":[]}""" },
        { "POST", "/api/departments/installation/east%2Fwest/review", null },
        { "POST", "/api/departments/x/y/review", null },
    };

    [Theory]
    [MemberData(nameof(RouteValues))]
    public async Task NoMalformedOrUnknownRouteValueAnswers500(string method, string path, string? body)
    {
        using var response = await api.SendAsync(new HttpMethod(method), path, body is null ? null : ApiDriver.JsonBody(body));

        await AssertClientErrorAsync(response, $"{method} {path}");
    }

    private async Task<string> FillAsync(string template)
    {
        if (template.Contains("{case}", StringComparison.Ordinal))
        {
            var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync("west")).Id, "consultation", null, null);
            return template.Replace("{case}", opened.Number, StringComparison.Ordinal);
        }
        if (template.Contains("{technician}", StringComparison.Ordinal))
        {
            var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false);
            return template.Replace("{technician}", technician.Id, StringComparison.Ordinal);
        }
        return template;
    }

    private static async Task AssertClientErrorAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
    }
}
