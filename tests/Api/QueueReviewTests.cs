using System.Net;
using AfterSales.Api.Departments;
using AfterSales.Api.Routing;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>POST /api/departments/{department}/{region}/review</c>: relaxation of optional skills, overflow to a
/// neighbour region and the drain, on demand.</summary>
/// <remarks>A department reviews its queue by itself only 15 s after a case starts waiting, so within a test the
/// review asked for is the one that acts.</remarks>
[Collection(ApiCollection.Name)]
public sealed class QueueReviewTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AReviewDropsOptionalSkillsPastTheRelaxationDelayAndAssignsTheCase()
    {
        var region = app.NewRegion();
        var category = ApiDriver.Unique("language");
        var ruleId = ApiDriver.Unique("prefer-cantonese");
        await api.PutRuleAsync(ruleId, new { category, optional = new[] { new { name = "cantonese", minLevel = 4 } } });
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)]);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "complaint", null, category);
        Assert.Equal(CaseStatus.New, waiting.Status);
        Assert.Contains((await api.GetRoutingAsync(waiting.Number)).Decisions[^1].Candidates,
            c => c.TechnicianId == technician.Id && c.Note.Contains("missing optional cantonese≥4", StringComparison.Ordinal));
        var (original, _) = await api.GetPolicyAsync();
        try
        {
            var body = ApiDriver.PolicyBody(original);
            body["relaxationDelay"] = "00:00:00";
            using (var relax = await api.PutAsync("/api/routing/policy", body))
            {
                Assert.Equal(HttpStatusCode.OK, relax.StatusCode);
            }

            using var response = await api.SendAsync(HttpMethod.Post, $"/api/departments/customer-service/{region}/review", null);

            var review = await ApiDriver.ReadAsync<QueueReviewResponse>(response, HttpStatusCode.OK);
            Assert.Equal([waiting.Number], review.Relaxed);
            Assert.Equal([waiting.Number], review.Assigned);
            Assert.Empty(review.Overflowed);
            Assert.Equal(0, review.Queued);
        }
        finally
        {
            using var restore = await api.PutAsync("/api/routing/policy", ApiDriver.PolicyBody((await api.GetPolicyAsync()).Policy with
            {
                RelaxationDelay = original.RelaxationDelay,
                Rules = [.. original.Rules.Where(r => r.Id != ruleId)],
            }));
            Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        }
        var routing = await api.GetRoutingAsync(waiting.Number);
        Assert.Equal(technician.Id, routing.AssignedTechnicianId);
        Assert.True(routing.OptionalRelaxed);
        Assert.True(routing.Decisions[^1].Relaxed);
        await ApiDriver.EventuallyAsync(async () => (await api.GetHistoryAsync(waiting.Number)).Any(e => e.Action == "relaxed"),
            "the history records the relaxation");
    }

    [Fact]
    public async Task AReviewPastTheOverflowThresholdPlacesAWaitingCaseInANeighbourRegion()
    {
        var origin = app.NewRegion();
        var neighbour = app.NewRegion();
        var helper = await api.CreateTechnicianAsync("maintenance", neighbour, [("mounting", 3)], capacity: 6);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(origin)).Id, "maintenance", null, null);
        Assert.Equal(CaseStatus.New, waiting.Status);
        using (var neighbours = await api.PutAsync($"/api/routing/neighbours/{origin}", new { neighbours = new[] { neighbour } }))
        {
            Assert.Equal(HttpStatusCode.OK, neighbours.StatusCode);
        }
        var (original, _) = await api.GetPolicyAsync();
        try
        {
            var body = ApiDriver.PolicyBody(original);
            body["overflow"] = new OverflowThresholdsResponse(1, original.Overflow.OldestWait);
            using (var threshold = await api.PutAsync("/api/routing/policy", body))
            {
                Assert.Equal(HttpStatusCode.OK, threshold.StatusCode);
            }

            using var response = await api.SendAsync(HttpMethod.Post, $"/api/departments/maintenance/{origin}/review", null);

            var review = await ApiDriver.ReadAsync<QueueReviewResponse>(response, HttpStatusCode.OK);
            Assert.Equal([waiting.Number], review.Overflowed);
            Assert.Equal(0, review.Queued);
        }
        finally
        {
            var current = (await api.GetPolicyAsync()).Policy;
            using var restore = await api.PutAsync("/api/routing/policy", ApiDriver.PolicyBody(current with
            {
                Overflow = original.Overflow,
                Neighbours = [.. current.Neighbours.Where(n => n.Region != origin)],
            }));
            Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        }
        var (moved, _) = await api.GetCaseAsync(waiting.Number);
        Assert.Equal(neighbour, moved.Region);
        Assert.Equal(helper.Id, moved.AssignedTechnicianId);
        Assert.Equal("overflow", (await api.GetRoutingAsync(waiting.Number)).Decisions[^1].DecidedBy);
        Assert.Contains(await api.GetHistoryAsync(waiting.Number), e => e.Action == "overflowed");
        Assert.Empty((await api.GetDepartmentAsync("maintenance", origin)).Queue);
    }

    [Fact]
    public async Task AReviewAssignsWhatTheTechniciansOnShiftCanTakeAndLeavesTheRestQueued()
    {
        var region = app.NewRegion();
        var first = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var second = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 1);
        await ApiDriver.EventuallyAsync(async () => (await api.GetTechnicianAsync(technician.Id)).Technician.Load == 1,
            "the new technician takes the first waiting case");

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/departments/customer-service/{region}/review", null);

        var review = await ApiDriver.ReadAsync<QueueReviewResponse>(response, HttpStatusCode.OK);
        Assert.Empty(review.Assigned);
        Assert.Empty(review.Relaxed);
        Assert.Equal(1, review.Queued);
        Assert.Equal(first.Number, (await api.GetTechnicianAsync(technician.Id)).Technician.Assignments.Single().CaseNumber);
        var department = await api.GetDepartmentAsync("customer-service", region);
        Assert.Equal([second.Number], department.Queue.Select(q => q.CaseNumber));
        Assert.Equal(technician.Id, Assert.Single(department.Roster).TechnicianId);
    }

    [Theory]
    [InlineData("sales", "east", "department")]
    [InlineData("installation", "atlantis", "region")]
    public async Task AReviewOfAnUnknownDepartmentOrRegionIs404(string department, string region, string field)
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"/api/departments/{department}/{region}/review", null);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, field);
    }
}
