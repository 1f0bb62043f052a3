using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Skill rules, fault categories and <c>GET /api/cases/{number}/routing</c>: why a case went where it went.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseRoutingTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ARuleRequiringHydraulicsMakesTheNextMatchingFaultWaitForATechnicianWithTheSkill()
    {
        var region = app.NewRegion();
        var model = ApiDriver.Unique("HX-200");
        var ruleId = ApiDriver.Unique("hx-hydraulics");
        var generalist = await api.CreateTechnicianAsync("technical-support", region, [("boiler", 4)], capacity: 10);
        var customer = await api.CreateCustomerAsync(region);
        var device = await api.CreateDeviceAsync(customer.Id, model);

        var before = await api.OpenCaseAsync(customer.Id, "fault", device.Serial, "hydraulics");
        Assert.Equal(generalist.Id, before.AssignedTechnicianId);

        await api.PutRuleAsync(ruleId, new
        {
            caseType = "fault",
            deviceModel = model,
            category = "hydraulics",
            required = new[] { new { name = "hydraulics", minLevel = 3 } },
        });
        var after = await api.OpenCaseAsync(customer.Id, "fault", device.Serial, "hydraulics");

        Assert.Equal(CaseStatus.New, after.Status);
        Assert.Null(after.AssignedTechnicianId);
        var waiting = await api.GetRoutingAsync(after.Number);
        Assert.True(waiting.Queued);
        Assert.Equal(model, waiting.DeviceModel);
        Assert.Equal("hydraulics", waiting.Category);
        var queued = waiting.Decisions[^1];
        Assert.Equal("queued", queued.DecidedBy);
        Assert.Null(queued.ChosenTechnicianId);
        Assert.Equal([ruleId], queued.MatchedRuleIds);
        Assert.Contains(queued.Required, r => r.Name == "hydraulics" && r.MinLevel == 3);
        var refused = Assert.Single(queued.Candidates, c => c.TechnicianId == generalist.Id);
        Assert.False(refused.Eligible);
        Assert.Null(refused.Score);
        Assert.Contains("missing hydraulics≥3", refused.Note, StringComparison.Ordinal);

        var specialist = await api.CreateTechnicianAsync("technical-support", region, [("hydraulics", 4)]);
        await ApiDriver.EventuallyAsync(async () => (await api.GetCaseAsync(after.Number)).Case.AssignedTechnicianId == specialist.Id,
            "the waiting case goes to the technician with the skill");
        var assigned = await api.GetRoutingAsync(after.Number);
        Assert.False(assigned.Queued);
        Assert.Equal(specialist.Id, assigned.AssignedTechnicianId);
        Assert.Equal(specialist.Id, assigned.Decisions[^1].ChosenTechnicianId);
        Assert.Contains(assigned.Decisions[^1].Candidates, c => c.TechnicianId == generalist.Id && !c.Eligible);

        using var removed = await api.DeleteAsync($"/api/routing/rules/{ruleId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    [Fact]
    public async Task TheRoutingOfAnAssignedCaseShowsEveryCandidateWithItsScoreAndTheStrategyThatDecided()
    {
        var region = app.NewRegion();
        var first = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 4, idPrefix: "A");
        var second = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 4, idPrefix: "B");
        // Two customers, so customer affinity (the technician of the customer's previous case) plays no part.
        var one = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var two = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);

        Assert.Equal(first.Id, one.AssignedTechnicianId);
        var routing = await api.GetRoutingAsync(two.Number);
        Assert.Equal(Department.CustomerService, routing.Department);
        Assert.Equal(region, routing.Region);
        Assert.Equal(second.Id, routing.AssignedTechnicianId);
        var decision = Assert.Single(routing.Decisions);
        Assert.Equal(RoutingStrategy.LeastLoaded, decision.Strategy);
        Assert.Equal("leastLoaded", decision.DecidedBy);
        Assert.Equal(second.Id, decision.ChosenTechnicianId);
        Assert.Null(routing.PreferredTechnicianId);
        Assert.Equal(2, decision.Considered);
        Assert.Equal(2, decision.Eligible);
        Assert.Equal([second.Id, first.Id], decision.Candidates.Select(c => c.TechnicianId));
        Assert.Equal(0d, decision.Candidates[0].Score);
        Assert.Equal(0.25d, decision.Candidates[1].Score);
        Assert.All(decision.Candidates, c => Assert.True(c.Eligible));
        Assert.All(decision.Candidates, c => Assert.False(string.IsNullOrWhiteSpace(c.Note)));
        Assert.False(string.IsNullOrWhiteSpace(decision.Summary));
    }

    [Fact]
    public async Task TheCategoryIsKeptWithTheCaseAndAnIdempotentRetryWithAnotherCategoryIs422()
    {
        var region = app.NewRegion();
        var customer = await api.CreateCustomerAsync(region);
        var key = ApiDriver.Unique("key");
        var body = new
        {
            customerId = customer.Id, type = "fault", priority = "high", channel = "web", subject = "Leak", description = "Oil under the pump.",
            category = "hydraulics",
        };

        using var created = await api.PostAsync("/api/cases", body, ("Idempotency-Key", key));
        var opened = await ApiDriver.ReadAsync<CaseResponse>(created, HttpStatusCode.Created);
        using var replayed = await api.PostAsync("/api/cases", body, ("Idempotency-Key", key));
        using var changed = await api.PostAsync("/api/cases", body with { category = "electrics" }, ("Idempotency-Key", key));

        Assert.Equal("hydraulics", opened.Category);
        Assert.Equal("hydraulics", (await api.GetCaseAsync(opened.Number)).Case.Category);
        Assert.Equal("hydraulics", (await api.GetRoutingAsync(opened.Number)).Category);
        Assert.Equal(opened.Number, (await ApiDriver.ReadAsync<CaseResponse>(replayed, HttpStatusCode.Created)).Number);
        await Problem.AssertAsync(changed, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Theory]
    [InlineData("\"hydraulics pump\"")]
    [InlineData("\"\"")]
    [InlineData("\"-leading-dash\"")]
    [InlineData("\"hydraulics\\n\"")]
    [InlineData("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("7")]
    public async Task AnInvalidCategoryIsRefusedWith400OnCategory(string category)
    {
        var customer = await api.CreateCustomerAsync();

        using var response = await api.PostRawAsync("/api/cases",
            $$"""{"customerId":"{{customer.Id}}","type":"fault","priority":"high","channel":"phone","subject":"Leak","description":"Oil","category":{{category}}}""");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "category");
    }

    [Fact]
    public async Task TheRoutingOfAnUnknownCaseIs404AndOfAMalformedNumber400()
    {
        using var unknown = await api.Client.GetAsync("/api/cases/AS-1999-000042/routing");
        using var malformed = await api.Client.GetAsync("/api/cases/not%20a%20number/routing");

        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "number");
        await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest, "number");
    }
}
