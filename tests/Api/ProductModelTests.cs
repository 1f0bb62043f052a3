using System.Net;
using AfterSales.Api.Models;
using AfterSales.Models;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>/api/models</c>: defining, replacing, reading and listing product models, and adding solutions.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProductModelTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AModelIsCreatedWith201ReplacedWith200AndReadWithItsETag()
    {
        var code = ApiDriver.Unique("HX");

        using var created = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody(), ("If-None-Match", "*"));
        var first = await ApiDriver.ReadAsync<ProductModelResponse>(created, HttpStatusCode.Created);
        using var replaced = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody(name: "Heat pump II"), ("If-Match", "\"1\""));
        var second = await ApiDriver.ReadAsync<ProductModelResponse>(replaced, HttpStatusCode.OK);
        using var read = await api.Client.GetAsync($"/api/models/{code}");
        var current = await ApiDriver.ReadAsync<ProductModelResponse>(read, HttpStatusCode.OK);

        Assert.Equal(($"/api/models/{code}", "\"1\""), (created.Headers.Location?.OriginalString, created.Headers.ETag?.Tag));
        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(("Heat pump II", "\"2\""), (current.Name, read.Headers.ETag?.Tag));
        Assert.Equal(["supply-voltage", "leak-test"], current.Checklist.Select(i => i.Id));
        Assert.Equal(("V", 210m, 240m), (current.Checklist[0].Unit, current.Checklist[0].Min, current.Checklist[0].Max));
        Assert.Equal("E42-1", Assert.Single(current.FaultCodes[0].Solutions).Id);
    }

    [Fact]
    public async Task AStaleIfMatchAndACreateOverAnExistingModelAre412()
    {
        var code = ApiDriver.Unique("HX");
        using var created = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody());

        using var stale = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody(name: "Other"), ("If-Match", "\"5\""));
        using var createOnly = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody(name: "Other"), ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(createOnly, HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Theory]
    [InlineData("checklist", """[{"id":"v","text":"Voltage","kind":"measurement","min":1,"max":2}]""", "checklist[0].unit")]
    [InlineData("checklist", """[{"id":"v","text":"Voltage","kind":"measurement","unit":"V","min":3,"max":2}]""", "checklist[0].max")]
    [InlineData("checklist", """[{"id":"v","text":"Look","kind":"check","unit":"V"}]""", "checklist[0].unit")]
    [InlineData("checklist", """[{"id":"v","text":"A","kind":"check"},{"id":"V","text":"B","kind":"check"}]""", "checklist[1].id")]
    [InlineData("checklist", """[{"text":"A","kind":"check"}]""", "checklist[0].id")]
    [InlineData("faultCodes", """[{"code":"E1","description":"a"},{"code":"e1","description":"b"}]""", "faultCodes[1].code")]
    [InlineData("maintenancePlans", """[{"id":"p","name":"P","intervalDays":0,"estimatedMinutes":30}]""", "maintenancePlans[0].intervalDays")]
    [InlineData("maintenancePlans", """[{"id":"p","name":"P","intervalDays":1,"estimatedMinutes":30},{"id":"p","name":"Q","intervalDays":1,"estimatedMinutes":30}]""", "maintenancePlans[1].id")]
    [InlineData("installationSkills", """[{"name":"hydraulics","minLevel":6}]""", "installationSkills[0].minLevel")]
    [InlineData("warrantyMonths", "121", "warrantyMonths")]
    [InlineData("name", "\"  \"", "name")]
    public async Task AnInvalidDefinitionIs400AtItsFieldAndStoresNothing(string member, string json, string field)
    {
        var code = ApiDriver.Unique("HX");
        var body = member switch
        {
            "name" => $$"""{"name":{{json}},"warrantyMonths":24}""",
            "warrantyMonths" => $$"""{"name":"Heat pump","warrantyMonths":{{json}}}""",
            _ => $$"""{"name":"Heat pump","warrantyMonths":24,"{{member}}":{{json}}}""",
        };

        using var response = await api.SendAsync(HttpMethod.Put, $"/api/models/{code}", ApiDriver.JsonBody(body));
        using var read = await api.Client.GetAsync($"/api/models/{code}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task AnUnknownModelIs404AndABadCodeIs400()
    {
        using var missing = await api.Client.GetAsync($"/api/models/{ApiDriver.Unique("HX")}");
        using var bad = await api.Client.GetAsync("/api/models/bad%20code");

        await Problem.AssertAsync(missing, HttpStatusCode.NotFound, "code");
        await Problem.AssertAsync(bad, HttpStatusCode.BadRequest, "code");
    }

    [Fact]
    public async Task TheListPagesInCodeOrderWithANextLink()
    {
        var prefix = ApiDriver.Unique("LIST");
        foreach (var suffix in new[] { "c", "a", "b" })
        {
            using var put = await api.PutAsync($"/api/models/{prefix}-{suffix}", ApiDriver.ModelBody(name: $"Model {suffix}"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var first = await api.Client.GetAsync($"/api/models?after={prefix}&limit=2");
        var page = await ApiDriver.ReadAsync<ProductModelListResponse>(first, HttpStatusCode.OK);
        using var bad = await api.Client.GetAsync("/api/models?limit=0");

        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], page.Models.Select(m => m.Code));
        Assert.Equal($"/api/models?after={prefix}-b&limit=2", page.Next);
        await Problem.AssertAsync(bad, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task ASupervisorAddsASolutionOncePerSourceCase()
    {
        var code = ApiDriver.Unique("HX");
        using var put = await api.PutAsync($"/api/models/{code}", ApiDriver.ModelBody());
        var body = new { summary = "Bleed the circuit.", sourceCase = "AS-2026-000042" };

        using var added = await api.PostAsync($"/api/models/{code}/fault-codes/e42/solutions", body, ("X-Actor", "supervisor-1"));
        var solution = await ApiDriver.ReadAsync<KnownSolution>(added, HttpStatusCode.Created);
        using var again = await api.PostAsync($"/api/models/{code}/fault-codes/E42/solutions", body, ("X-Actor", "supervisor-1"));
        using var unknownCode = await api.PostAsync($"/api/models/{code}/fault-codes/E99/solutions", body);
        using var unknownModel = await api.PostAsync($"/api/models/{ApiDriver.Unique("HX")}/fault-codes/E42/solutions", body);
        using var blank = await api.PostAsync($"/api/models/{code}/fault-codes/E42/solutions", new { summary = " " });

        Assert.Equal(("E42-2", "supervisor-1", "AS-2026-000042"), (solution.Id, solution.AddedBy, solution.SourceCase));
        Assert.Equal(solution, await ApiDriver.ReadAsync<KnownSolution>(again, HttpStatusCode.OK));
        await Problem.AssertAsync(unknownCode, HttpStatusCode.NotFound, "faultCode");
        await Problem.AssertAsync(unknownModel, HttpStatusCode.NotFound, "code");
        await Problem.AssertAsync(blank, HttpStatusCode.BadRequest, "summary");
    }
}
