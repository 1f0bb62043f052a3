using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Explainability: every decision kept on the case, summarised in its history.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseRoutingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EveryRoutingDecisionIsKeptOnTheCaseAndSummarisedInItsHistory()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        var opened = await scenario.OpenForNewCustomerAsync();

        await scenario.PresenceAsync(technician, Presence.OnShift);
        await scenario.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);

        var routing = (await scenario.Case(opened.Number).GetRoutingAsync())!;
        Assert.Equal((Department.TechnicalSupport, scenario.Region, technician, false), (routing.Department, routing.Region, routing.AssignedTechnicianId, routing.Queued));
        Assert.Equal(2, routing.Decisions.Length);
        var (queued, assigned) = (routing.Decisions[0], routing.Decisions[1]);
        Assert.Equal(("queued", (string?)null, $"none of 1 eligible: {technician} off shift"), (queued.DecidedBy, queued.ChosenTechnicianId, queued.Summary));
        Assert.Equal(("leastLoaded", technician, $"{technician} by leastLoaded (0 load)"), (assigned.DecidedBy, assigned.ChosenTechnicianId, assigned.Summary));
        Assert.Equal((technician, true, 0d, "0 load"), (assigned.Candidates[0].TechnicianId, assigned.Candidates[0].Eligible, assigned.Candidates[0].Score!.Value, assigned.Candidates[0].Note));

        var history = await scenario.HistoryAsync(opened.Number);
        Assert.Equal($"position 1 in technical-support/{scenario.Region}: {queued.Summary}", history.Single(e => e.Action == "queued").Details);
        Assert.Equal(assigned.Summary, history.Single(e => e.Action == "assigned").Details);
    }

    [Fact]
    public async Task ACaseKeepsItsLastTwentyDecisions()
    {
        var scenario = new Scenario(fixture);
        var a = await scenario.TechnicianAsync(Department.CustomerService, capacity: 5);
        var b = await scenario.TechnicianAsync(Department.CustomerService, capacity: 5);
        var opened = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);

        for (var i = 0; i < 22; i++)
        {
            var target = (i % 2 == 0) == (opened.AssignedTechnicianId == a) ? b : a;
            var result = await scenario.Case(opened.Number).AssignAsync(new AssignCaseRequest(target, $"round {i}", "supervisor-1"));
            Assert.True(result.IsSuccess, result.Error?.Message);
        }

        var decisions = (await scenario.Case(opened.Number).GetRoutingAsync())!.Decisions;
        Assert.Equal(20, decisions.Length);
        Assert.All(decisions, d => Assert.Equal("manual", d.DecidedBy));
        Assert.Equal("supervisor-1: round 21", decisions[^1].Candidates.Single().Note);
    }

    [Fact]
    public async Task AnUnknownCaseHasNoRouting()
    {
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>("AS-1999-000002").GetRoutingAsync());
    }
}
