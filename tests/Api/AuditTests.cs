using System.Net;
using System.Text.Json;
using AfterSales.Api.Audit;
using AfterSales.Api.Customers;
using AfterSales.Api.Cti;
using AfterSales.Audit;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Audit completeness over real HTTP: every change attempted under /api (succeeded, refused, by a user, an API
/// key or nobody) leaves exactly one entry with the right actor, action, target and outcome; reads leave none; only
/// admins read the record, and its bad input is a 400 with field errors.</summary>
[Collection(AuditCollection.Name)]
public sealed class AuditTests(AuditApiApplication app)
{
    private async Task<AuditEntryResponse[]> AuditOfAsync(string actor, int limit = 100)
    {
        using var admin = app.CreateClientAs(AuditClients.Admin, "admin");
        using var response = await admin.GetAsync($"/api/audit?actor={actor}&limit={limit}");
        return (await ApiDriver.ReadAsync<AuditPageResponse>(response, HttpStatusCode.OK)).Entries;
    }

    [Fact]
    public async Task EveryChangeAttemptedLeavesOneEntryAndReadsLeaveNone()
    {
        var actor = ApiDriver.Unique("agent");
        using var client = app.CreateClientAs(actor, "agent");
        var driver = new ApiDriver(client);
        var customerId = ApiDriver.Unique("C")[..20];

        using (var created = await driver.PostAsync("/api/customers", ApiDriver.CustomerBody(customerId), ("Idempotency-Key", "k-" + actor)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var opened = await driver.OpenCaseAsync(customerId);
        using (var invalid = await driver.PostRawAsync("/api/cases", "{\"customerId\":"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        using (var missing = await driver.PostAsync("/api/cases/AS-1999-999999/notes", new { text = "x", visibility = "internal" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        using (var conflict = await driver.PostAsync("/api/customers", ApiDriver.CustomerBody(customerId, region: "east")))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/customers/{customerId}")).StatusCode);

        var entries = await AuditOfAsync(actor);

        Assert.Equal(
            [
                // A refused create has no id yet: the route names none and no Location was answered.
                ("CreateCustomer", "POST", "customers", (string?)null, 409, AuditOutcome.ClientError),
                ("AddNote", "POST", "cases", (string?)"AS-1999-999999", 404, AuditOutcome.ClientError),
                ("CreateCase", "POST", "cases", null, 400, AuditOutcome.ClientError),
                ("CreateCase", "POST", "cases", (string?)opened.Number, 201, AuditOutcome.Success),
                ("CreateCustomer", "POST", "customers", (string?)customerId, 201, AuditOutcome.Success),
            ],
            entries.Select(e => (e.Action, e.Method, e.TargetType, e.TargetId, e.Status, e.Outcome)));
        Assert.All(entries, e => Assert.Equal((actor, AuditPrincipal.User), (e.Actor, e.Principal)));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.CorrelationId));
        Assert.Equal("k-" + actor, entries[^1].IdempotencyKey);
        Assert.All(entries[..^1], e => Assert.Null(e.IdempotencyKey));
    }

    [Fact]
    public async Task AnApiKeyAndAnAnonymousCallerAreNamedAsSuchAndTheCtiTokenIsNeverATarget()
    {
        var integration = AuditClients.Integrations[0];
        using var pbx = app.CreateClientAs(integration, scope: "cti");
        var callId = Guid.NewGuid().ToString("N");
        using (var call = await pbx.PostAsync($"/api/cti/{CtiIntakeOptions.DevelopmentToken}", ApiDriver.JsonBody(JsonSerializer.Serialize(
            new { @event = "newCall", callId, from = "+8613800000001", to = "+861088888888", direction = "in", user = "agent-1" }))))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }
        var entry = Assert.Single(await AuditOfAsync(integration), e => e.Action == "PostCtiEvent");
        Assert.Equal((integration, AuditPrincipal.ApiKey, "PostCtiEvent", "cti", (string?)null, 200),
            (entry.Actor, entry.Principal, entry.Action, entry.TargetType, entry.TargetId, entry.Status));

        // Anonymous: no identity at all, refused (401) and recorded as such. Its entries are found by the action and target.
        using var anonymous = app.CreateApiClient(bearerToken: null);
        var technician = ApiDriver.Unique("T")[..20];
        using (var created = await new ApiDriver(anonymous).PostAsync("/api/technicians", ApiDriver.TechnicianBody(technician, "maintenance", "west")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
        }
        using var admin = app.CreateClientAs(AuditClients.Admin, "admin");
        // Refused before its handler read the body, the entry names no technician: it is found by actor and action.
        var page = await ApiDriver.ReadAsync<AuditPageResponse>(
            await admin.GetAsync("/api/audit?actor=anonymous&action=CreateTechnician"), HttpStatusCode.OK);
        Assert.Contains(page.Entries, e => (e.Actor, e.Principal, e.Action, e.Status) == ("anonymous", AuditPrincipal.Anonymous, "CreateTechnician", 401));
    }

    [Fact]
    public async Task PagesFollowOnWithTheCursorNewestFirst()
    {
        var actor = ApiDriver.Unique("agent");
        using var client = app.CreateClientAs(actor, "agent");
        for (var i = 0; i < 5; i++)
        {
            using var refused = await new ApiDriver(client).PostRawAsync("/api/cases", "{");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var all = await AuditOfAsync(actor);
        Assert.Equal(5, all.Length);

        using var admin = app.CreateClientAs(AuditClients.Admin, "admin");
        var read = new List<AuditEntryResponse>();
        string? cursor = null;
        do
        {
            var page = await ApiDriver.ReadAsync<AuditPageResponse>(
                await admin.GetAsync($"/api/audit?actor={actor}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}")), HttpStatusCode.OK);
            Assert.True(page.Entries.Length <= 2);
            read.AddRange(page.Entries);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(all.Select(e => e.Id), read.Select(e => e.Id));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.At >= pair.Second.At));
    }

    [Fact]
    public async Task OnlyAdminsReadTheRecord()
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);
        using var agent = app.CreateClientAs("agent-9", "agent");
        using var integration = app.CreateClientAs("pbx-9", scope: "cti");

        var unauthenticated = await anonymous.GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/audit")).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-12-01", "to")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("targetId=a%20b", "targetId")]
    [InlineData("action=", "action")]
    public async Task BadQueriesAre400WithTheFieldAtFault(string query, string field)
    {
        using var admin = app.CreateClientAs(AuditClients.Admin, "admin");
        using var response = await admin.GetAsync($"/api/audit?{query}");
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
