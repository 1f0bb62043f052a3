using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Api.Cases;
using AfterSales.Api.Routing;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>/api/routing</c>: the policy document, skill rules, department strategies and region neighbours —
/// versioned by ETag, refused at the grain's field paths, and in effect for the next routing decision.</summary>
/// <remarks>The policy is shared by every test: tests here change only entries of their own (rule ids, regions)
/// or put the policy back as they found it.</remarks>
[Collection(ApiCollection.Name)]
public sealed class RoutingPolicyTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ThePolicyIsReadWithItsVersionAsETagAndIfNoneMatchAnswers304()
    {
        var (policy, etag) = await api.GetPolicyAsync();
        using var notModified = await api.SendAsync(HttpMethod.Get, "/api/routing/policy", null, ("If-None-Match", etag.Tag));

        Assert.Equal($"\"{policy.Version}\"", etag.Tag);
        Assert.Equal(Enum.GetValues<AfterSales.Cases.CaseType>().Length, policy.Weights.Count);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task ReplacingThePolicyChangesTheWeightOfTheNextCaseAndBumpsTheVersion()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 10);
        var (original, etag) = await api.GetPolicyAsync();
        var body = ApiDriver.PolicyBody(original);
        body["weights"] = new[] { new { type = "consultation", weight = 4 } };
        body["relaxationDelay"] = "00:20:00";
        body["overflow"] = new { queueLength = 25, oldestWait = "00:07:30" };
        try
        {
            using var response = await api.PutAsync("/api/routing/policy", body, ("If-Match", etag.Tag));

            var replaced = await ApiDriver.ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
            Assert.Equal(original.Version + 1, replaced.Version);
            Assert.Equal($"\"{replaced.Version}\"", response.Headers.ETag?.Tag);
            Assert.Equal(4, replaced.Weights.Single(w => w.Type == CaseType.Consultation).Weight);
            Assert.Equal(2, replaced.Weights.Single(w => w.Type == CaseType.Complaint).Weight);
            Assert.Equal(TimeSpan.FromMinutes(20), replaced.RelaxationDelay);
            Assert.Equal(new OverflowThresholdsResponse(25, TimeSpan.FromSeconds(450)), replaced.Overflow);
            Assert.Equal(JsonSerializer.Serialize(replaced, ApiDriver.Json), JsonSerializer.Serialize((await api.GetPolicyAsync()).Policy, ApiDriver.Json));

            var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
            Assert.Equal(technician.Id, opened.AssignedTechnicianId);
            Assert.Equal(4, (await api.GetTechnicianAsync(technician.Id)).Technician.Load);
        }
        finally
        {
            await RestoreAsync(original);
        }
    }

    [Fact]
    public async Task ReplacingThePolicyWithAStaleETagIs412AndChangesNothing()
    {
        var (original, _) = await api.GetPolicyAsync();
        var body = ApiDriver.PolicyBody(original);
        body["relaxationDelay"] = "01:00:00";

        using var response = await api.PutAsync("/api/routing/policy", body, ("If-Match", $"\"{original.Version - 1}\""));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(original.Version, (await api.GetPolicyAsync()).Policy.Version);
    }

    public static TheoryData<string, object, string> InvalidPolicyMembers => new()
    {
        { "rules", new[] { new { id = "r1", required = new[] { new { name = "hydraulics", minLevel = 9 } } } }, "rules[0].required[0].minLevel" },
        { "rules", new object[] { new { id = "r1", optional = new[] { new { name = "english", minLevel = 2 } } }, new { id = "r1", required = new[] { new { name = "x", minLevel = 1 } } } }, "rules[1].id" },
        { "rules", new[] { new { id = "r1" } }, "rules[0].required" },
        { "rules", new[] { new { id = "r1", required = new[] { new { name = "a b", minLevel = 2 } } } }, "rules[0].required[0].name" },
        { "rules", new object?[] { null }, "rules[0]" },
        { "rules", new[] { new { required = new[] { new { name = "x", minLevel = 1 } } } }, "rules[0].id" },
        { "weights", new[] { new { type = "fault", weight = 2 }, new { type = "fault", weight = 3 } }, "weights[1].type" },
        { "weights", new[] { new { type = "fault", weight = 0 } }, "weights[0].weight" },
        { "weights", new[] { new { type = "fault" } }, "weights[0].weight" },
        { "strategies", new[] { new { department = "maintenance", region = "atlantis", strategy = "roundRobin" } }, "strategies[0].region" },
        { "strategies", new[] { new { department = "maintenance", strategy = "random" } }, "strategies[0].strategy" },
        { "neighbours", new[] { new { region = "east", neighbours = new[] { "atlantis" } } }, "neighbours[0].neighbours[0]" },
        { "neighbours", new[] { new { region = "east", neighbours = new[] { "east" } } }, "neighbours[0].neighbours[0]" },
        { "neighbours", new[] { new { region = "atlantis", neighbours = new[] { "east" } } }, "neighbours[0].region" },
        { "overflow", new { queueLength = 0, oldestWait = "00:05:00" }, "overflow.queueLength" },
        { "overflow", new { queueLength = 5, oldestWait = "00:00:00" }, "overflow.oldestWait" },
        { "overflow", new { queueLength = 5 }, "overflow.oldestWait" },
        { "relaxationDelay", "-00:01:00", "relaxationDelay" },
        { "relaxationDelay", "ten minutes", "relaxationDelay" },
        { "relaxationDelay", 600, "relaxationDelay" },
        { "defaultStrategy", "fastest", "defaultStrategy" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicyMembers))]
    public async Task AnInvalidPolicyIsRefusedWith400AtThePathOfTheMistakeAndChangesNothing(string member, object value, string field)
    {
        var (original, _) = await api.GetPolicyAsync();
        var body = ApiDriver.PolicyBody(original);
        body[member] = value;

        using var response = await api.PutAsync("/api/routing/policy", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(original.Version, (await api.GetPolicyAsync()).Policy.Version);
    }

    [Fact]
    public async Task APolicyWithoutItsMembersNamesEachOne()
    {
        using var response = await api.PutAsync("/api/routing/policy", new { });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "rules");
        foreach (var field in new[] { "weights", "defaultStrategy", "strategies", "neighbours", "overflow", "relaxationDelay" })
        {
            Assert.NotEmpty(Problem.Messages(problem, field));
        }
    }

    [Fact]
    public async Task ARuleIsPutReadBackReplacedAndRemoved()
    {
        var ruleId = ApiDriver.Unique("rule");
        var category = ApiDriver.Unique("cat");
        var (before, etag) = await api.GetPolicyAsync();

        using var put = await api.PutAsync($"/api/routing/rules/{ruleId}", new
        {
            caseType = "fault",
            category,
            required = new[] { new { name = "hydraulics", minLevel = 3 } },
            optional = new[] { new { name = "english", minLevel = 2 } },
        }, ("If-Match", etag.Tag));
        var added = await ApiDriver.ReadAsync<RoutingPolicyResponse>(put, HttpStatusCode.OK);
        using var replace = await api.PutAsync($"/api/routing/rules/{ruleId}", new
        {
            id = ruleId,
            caseType = "fault",
            category,
            required = new[] { new { name = "hydraulics", minLevel = 4 } },
        }, ("If-Match", put.Headers.ETag!.Tag));
        var replaced = await ApiDriver.ReadAsync<RoutingPolicyResponse>(replace, HttpStatusCode.OK);
        using var delete = await api.DeleteAsync($"/api/routing/rules/{ruleId}", ("If-Match", replace.Headers.ETag!.Tag));
        var removed = await ApiDriver.ReadAsync<RoutingPolicyResponse>(delete, HttpStatusCode.OK);
        using var again = await api.DeleteAsync($"/api/routing/rules/{ruleId}");

        Assert.Equal(before.Version + 1, added.Version);
        var rule = Assert.Single(added.Rules, r => r.Id == ruleId);
        Assert.Equal(CaseType.Fault, rule.CaseType);
        Assert.Equal(category, rule.Category);
        Assert.Null(rule.DeviceModel);
        Assert.Equal([new SkillLevelRequirement("hydraulics", 3)], rule.Required);
        Assert.Equal([new SkillLevelRequirement("english", 2)], rule.Optional);
        Assert.Equal(added.Rules.Count, replaced.Rules.Count);
        Assert.Equal(4, replaced.Rules.Single(r => r.Id == ruleId).Required[0].MinLevel);
        Assert.Empty(replaced.Rules.Single(r => r.Id == ruleId).Optional);
        Assert.DoesNotContain(removed.Rules, r => r.Id == ruleId);
        Assert.Equal($"\"{removed.Version}\"", delete.Headers.ETag?.Tag);
        await Problem.AssertAsync(again, HttpStatusCode.NotFound, "id");
    }

    public static TheoryData<string, string> InvalidRules => new()
    {
        { """{"required":[{"name":"hydraulics","minLevel":0}]}""", "required[0].minLevel" },
        { """{"required":[{"name":"hydraulics","minLevel":3},{"name":"Hydraulics","minLevel":4}]}""", "required[1].name" },
        { """{"required":[{"name":"hydraulics"}]}""", "required[0].minLevel" },
        { """{"required":[null]}""", "required[0]" },
        { """{"caseType":"repair","required":[{"name":"x","minLevel":1}]}""", "caseType" },
        { """{"category":"two words","required":[{"name":"x","minLevel":1}]}""", "category" },
        { """{"deviceModel":"","required":[{"name":"x","minLevel":1}]}""", "deviceModel" },
        { """{"caseType":"fault"}""", "required" },
        { """{"id":"another","required":[{"name":"x","minLevel":1}]}""", "id" },
        { """{"required":[{"name":"x","minLevel":1}],"priority":"high"}""", "priority" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task AnInvalidRuleIsRefusedWith400AtItsPathInTheBody(string body, string field)
    {
        var ruleId = ApiDriver.Unique("bad");
        var (before, _) = await api.GetPolicyAsync();

        using var response = await api.SendAsync(HttpMethod.Put, $"/api/routing/rules/{ruleId}", ApiDriver.JsonBody(body));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before.Version, (await api.GetPolicyAsync()).Policy.Version);
    }

    [Fact]
    public async Task ARuleChangeWithAStaleETagIs412()
    {
        var (policy, _) = await api.GetPolicyAsync();
        var stale = ("If-Match", $"\"{policy.Version + 3}\"");

        using var put = await api.PutAsync($"/api/routing/rules/{ApiDriver.Unique("r")}", new { required = new[] { new { name = "x", minLevel = 1 } } }, stale);
        using var delete = await api.DeleteAsync($"/api/routing/rules/{ApiDriver.Unique("r")}", stale);

        await Problem.AssertAsync(put, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(delete, HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Fact]
    public async Task ARegionalStrategyShowsInTheDepartmentAndDecidesTheNextCaseUntilRemoved()
    {
        var region = app.NewRegion();
        var first = await api.CreateTechnicianAsync("maintenance", region, [("mounting", 3)], capacity: 9, idPrefix: "A");
        var second = await api.CreateTechnicianAsync("maintenance", region, [("mounting", 3)], capacity: 9, idPrefix: "B");
        var (_, etag) = await api.GetPolicyAsync();

        using var response = await api.PutAsync($"/api/routing/strategies/maintenance/{region}", new { strategy = "roundRobin" }, ("If-Match", etag.Tag));

        var policy = await ApiDriver.ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
        Assert.Contains(new DepartmentStrategyResponse(Department.Maintenance, RoutingStrategy.RoundRobin, region), policy.Strategies);
        Assert.Equal(RoutingStrategy.RoundRobin, (await api.GetDepartmentAsync("maintenance", region)).Strategy);
        Assert.Equal(RoutingStrategy.LeastLoaded, (await api.GetDepartmentAsync("maintenance", app.NewRegion())).Strategy);
        var one = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "maintenance", null, null);
        var two = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "maintenance", null, null);
        var three = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "maintenance", null, null);
        Assert.Equal([first.Id, second.Id, first.Id], new[] { one, two, three }.Select(c => c.AssignedTechnicianId));
        var decision = (await api.GetRoutingAsync(three.Number)).Decisions[^1];
        Assert.Equal(RoutingStrategy.RoundRobin, decision.Strategy);
        Assert.Equal("roundRobin", decision.DecidedBy);

        using var cleared = await api.DeleteAsync($"/api/routing/strategies/maintenance/{region}");
        Assert.DoesNotContain((await ApiDriver.ReadAsync<RoutingPolicyResponse>(cleared, HttpStatusCode.OK)).Strategies, s => s.Region == region);
        Assert.Equal(RoutingStrategy.LeastLoaded, (await api.GetDepartmentAsync("maintenance", region)).Strategy);
    }

    [Fact]
    public async Task AStrategyWhoseRegionIsAnExplicitNullIsForEveryRegion()
    {
        var region = app.NewRegion();
        var (original, _) = await api.GetPolicyAsync();
        // The published schema lists null among the region's values: a client sends it rather than leaving it out.
        var body = JsonSerializer.SerializeToNode(ApiDriver.PolicyBody(original), ApiDriver.Json)!.AsObject();
        var strategies = new JsonArray(original.Strategies.Where(s => s.Department != Department.Maintenance || s.Region is not null)
            .Select(s => JsonSerializer.SerializeToNode(s, ApiDriver.Json)).ToArray());
        strategies.Add(JsonNode.Parse("""{"department":"maintenance","strategy":"bestSkillMatch","region":null}"""));
        body["strategies"] = strategies;
        try
        {
            using var response = await api.SendAsync(HttpMethod.Put, "/api/routing/policy", ApiDriver.JsonBody(body.ToJsonString()));

            var policy = await ApiDriver.ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
            Assert.Contains(new DepartmentStrategyResponse(Department.Maintenance, RoutingStrategy.BestSkillMatch, null), policy.Strategies);
            Assert.Equal(RoutingStrategy.BestSkillMatch, (await api.GetDepartmentAsync("maintenance", region)).Strategy);
        }
        finally
        {
            await RestoreAsync(original);
        }
    }

    [Fact]
    public async Task ADepartmentStrategyForEveryRegionAppliesWhereARegionHasNoneOfItsOwn()
    {
        var region = app.NewRegion();
        var (original, _) = await api.GetPolicyAsync();
        try
        {
            using var response = await api.PutAsync("/api/routing/strategies/maintenance", new { strategy = "bestSkillMatch" });

            var policy = await ApiDriver.ReadAsync<RoutingPolicyResponse>(response, HttpStatusCode.OK);
            Assert.Contains(new DepartmentStrategyResponse(Department.Maintenance, RoutingStrategy.BestSkillMatch, null), policy.Strategies);
            Assert.Equal(RoutingStrategy.BestSkillMatch, (await api.GetDepartmentAsync("maintenance", region)).Strategy);
            Assert.Equal(RoutingStrategy.LeastLoaded, (await api.GetDepartmentAsync("installation", region)).Strategy);

            using var cleared = await api.DeleteAsync("/api/routing/strategies/maintenance");
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            Assert.Equal(RoutingStrategy.LeastLoaded, (await api.GetDepartmentAsync("maintenance", region)).Strategy);
        }
        finally
        {
            await RestoreAsync(original);
        }
    }

    [Theory]
    [InlineData("PUT", "/api/routing/strategies/sales", """{"strategy":"roundRobin"}""", HttpStatusCode.NotFound, "department")]
    [InlineData("PUT", "/api/routing/strategies/installation/atlantis", """{"strategy":"roundRobin"}""", HttpStatusCode.NotFound, "region")]
    [InlineData("DELETE", "/api/routing/strategies/sales/east", null, HttpStatusCode.NotFound, "department")]
    [InlineData("DELETE", "/api/routing/strategies/installation/atlantis", null, HttpStatusCode.NotFound, "region")]
    [InlineData("PUT", "/api/routing/strategies/installation", """{"strategy":"random"}""", HttpStatusCode.BadRequest, "strategy")]
    [InlineData("PUT", "/api/routing/strategies/installation/east", "{}", HttpStatusCode.BadRequest, "strategy")]
    [InlineData("PUT", "/api/routing/strategies/installation/east", """{"strategy":"roundRobin"}""", HttpStatusCode.PreconditionFailed, "If-Match")]
    [InlineData("PUT", "/api/routing/neighbours/atlantis", """{"neighbours":["east"]}""", HttpStatusCode.NotFound, "region")]
    [InlineData("PUT", "/api/routing/neighbours/east", """{"neighbours":["atlantis"]}""", HttpStatusCode.BadRequest, "neighbours[0]")]
    [InlineData("PUT", "/api/routing/neighbours/east", """{"neighbours":["west","east"]}""", HttpStatusCode.BadRequest, "neighbours[1]")]
    [InlineData("PUT", "/api/routing/neighbours/east", """{"neighbours":["west","west"]}""", HttpStatusCode.BadRequest, "neighbours[1]")]
    [InlineData("PUT", "/api/routing/neighbours/east", """{"neighbours":[null]}""", HttpStatusCode.BadRequest, "neighbours[0]")]
    [InlineData("PUT", "/api/routing/neighbours/east", "{}", HttpStatusCode.BadRequest, "neighbours")]
    [InlineData("PUT", "/api/routing/neighbours/east", """{"neighbours":["west"]}""", HttpStatusCode.PreconditionFailed, "If-Match")]
    public async Task StrategyAndNeighbourMistakesNameTheirFieldAndChangeNothing(string method, string path, string? body, HttpStatusCode status, string field)
    {
        var (before, _) = await api.GetPolicyAsync();
        // The 412 cases send a version that does not exist yet; the others none.
        (string, string)[] headers = status == HttpStatusCode.PreconditionFailed ? [("If-Match", $"\"{before.Version + 5}\"")] : [];

        using var response = await api.SendAsync(new HttpMethod(method), path, body is null ? null : ApiDriver.JsonBody(body), headers);

        await Problem.AssertAsync(response, status, field);
        Assert.Equal(before.Version, (await api.GetPolicyAsync()).Policy.Version);
    }

    [Fact]
    public async Task NeighboursAreSetInOrderAndRemovedWithAnEmptyList()
    {
        var region = app.NewRegion();
        var (_, etag) = await api.GetPolicyAsync();

        using var set = await api.PutAsync($"/api/routing/neighbours/{region}", new { neighbours = new[] { "west", "east" } }, ("If-Match", etag.Tag));
        var policy = await ApiDriver.ReadAsync<RoutingPolicyResponse>(set, HttpStatusCode.OK);
        using var removed = await api.PutAsync($"/api/routing/neighbours/{region}", new { neighbours = Array.Empty<string>() });
        var after = await ApiDriver.ReadAsync<RoutingPolicyResponse>(removed, HttpStatusCode.OK);

        Assert.Equal(["west", "east"], Assert.Single(policy.Neighbours, n => n.Region == region).Neighbours);
        Assert.DoesNotContain(after.Neighbours, n => n.Region == region);
    }

    private async Task RestoreAsync(RoutingPolicyResponse original)
    {
        using var response = await api.PutAsync("/api/routing/policy", ApiDriver.PolicyBody(original));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
