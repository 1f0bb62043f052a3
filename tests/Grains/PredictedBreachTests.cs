using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Sla;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Predicted breach on the grains, with the fixture's fake clock: each region works around the clock in UTC (so
/// an urgent case's first response is due an hour after it opens), and each test first gives its department a known
/// history of handling times. The department's review is the barrier for its prediction; the case hearing its verdict
/// (one-way) is the barrier for the case.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PredictedBreachTests(ClusterFixture fixture)
{
    private const Department Support = Department.TechnicalSupport;

    private async Task<Scenario> AroundTheClockAsync()
    {
        var scenario = new Scenario(fixture);
        await scenario.AroundTheClockAsync();
        return scenario;
    }

    /// <summary>Three urgent cases, one after another, each started <paramref name="toStart"/> after its assignment and
    /// resolved <paramref name="work"/> later: the department's handling times become exactly these.</summary>
    private async Task HistoryAsync(Scenario scenario, TimeSpan toStart, TimeSpan work)
    {
        for (var i = 0; i < 3; i++)
        {
            var opened = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
            await scenario.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);
            fixture.Clock.Advance(toStart);
            await scenario.ApplyAsync(opened.Number, CaseAction.Start);
            fixture.Clock.Advance(work);
            await scenario.ResolveAsync(opened.Number);
        }
    }

    private static async Task<CaseSnapshot> StartedUrgentAsync(Scenario scenario)
    {
        var opened = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        await scenario.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);
        return await scenario.ApplyAsync(opened.Number, CaseAction.Start);
    }

    private Task Told(Scenario scenario, string number, Func<CaseSlaRisk, bool> risk) =>
        fixture.Calls.Handled(scenario.Case(number), nameof(ICaseGrain.OnSlaRiskAsync), risk);

    private static async Task<string[]> ActionsAsync(Scenario scenario, string number, string action) =>
        [.. (await scenario.HistoryAsync(number)).Where(e => e.Action == action).Select(e => e.Details ?? "")];

    [Fact]
    public async Task AQueuedCaseIsFlaggedBeforeItsDeadlineFromItsPlaceAndTheRecentHandlingTimesAndClearedWhenHelpArrives()
    {
        var scenario = await AroundTheClockAsync();
        await scenario.TechnicianAsync(Support, capacity: 1);
        await HistoryAsync(scenario, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
        await StartedUrgentAsync(scenario);
        var now = fixture.Clock.GetUtcNow();
        var first = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        var number = await scenario.NewCaseNumberAsync();
        var flagged = Told(scenario, number, r => r.Forecast is not null);

        var second = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, number: number);
        await scenario.SettleAsync(Support, scenario.Region);
        await flagged;

        // The busy technician frees at +30 min; the first case holds it 40 min from then; the second starts 10 min
        // after that, at +80 min, past its first response due at +60 min.
        var atRisk = (await scenario.Case(second.Number).GetAsync())!.Sla!;
        Assert.Equal((SlaState.AtRisk, true), (atRisk.State, atRisk.AtRisk));
        Assert.Equal(new SlaForecast(now.AddMinutes(80), SlaDueTarget.FirstResponse, now.AddHours(1)), atRisk.Forecast);
        var ahead = (await scenario.Case(first.Number).GetAsync())!.Sla!;
        Assert.Equal((SlaState.Ok, false, null), (ahead.State, ahead.AtRisk, ahead.Forecast));
        var view = await scenario.Department(Support).GetAsync();
        Assert.Equal([second.Number], view.AtRisk.Select(a => a.CaseNumber));
        Assert.Null(view.AtRisk[0].TechnicianId);

        // Later reviews with the same outlook tell the case nothing new: one event, no flapping.
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await scenario.SettleAsync(Support, scenario.Region);
        await scenario.SettleAsync(Support, scenario.Region);
        Assert.Single(await ActionsAsync(scenario, second.Number, CaseEventKinds.SlaAtRisk));
        Assert.Empty(await ActionsAsync(scenario, second.Number, CaseEventKinds.SlaRiskCleared));
        Assert.Empty(await ActionsAsync(scenario, second.Number, CaseEventKinds.Rerouted));

        // A second technician takes the first case: the second now starts at +40 min, well before the due time.
        var cleared = Told(scenario, second.Number, r => r.Forecast is null);
        await scenario.TechnicianAsync(Support, capacity: 1);
        await scenario.WaitForStatusAsync(first.Number, CaseStatus.Assigned);
        await scenario.SettleAsync(Support, scenario.Region);
        await cleared;

        var relieved = (await scenario.Case(second.Number).GetAsync())!.Sla!;
        Assert.Equal((SlaState.Ok, false), (relieved.State, relieved.AtRisk));
        Assert.Equal(["first response no longer predicted late"], await ActionsAsync(scenario, second.Number, CaseEventKinds.SlaRiskCleared));
        Assert.Empty((await scenario.Department(Support).GetAsync()).AtRisk);
    }

    [Fact]
    public async Task AnAssignedCaseBehindItsTechniciansBacklogIsFlagged()
    {
        var scenario = await AroundTheClockAsync();
        var technician = await scenario.TechnicianAsync(Support, capacity: 6); // three faults of weight 2
        await HistoryAsync(scenario, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(5));
        var now = fixture.Clock.GetUtcNow();
        var first = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        var second = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        var number = await scenario.NewCaseNumberAsync();
        var flagged = Told(scenario, number, r => r.Forecast is not null);
        var third = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, number: number);
        Assert.All([first, second, third], c => Assert.Equal(technician, c.AssignedTechnicianId));

        await scenario.SettleAsync(Support, scenario.Region);
        await flagged;

        // Starts one per 25 min in assignment order: +25, +50, +75; only the third is past 60 - 5 min.
        var sla = (await scenario.Case(third.Number).GetAsync())!.Sla!;
        Assert.Equal((SlaState.AtRisk, now.AddMinutes(75)), (sla.State, sla.Forecast!.PredictedAt));
        Assert.False((await scenario.Case(second.Number).GetAsync())!.Sla!.AtRisk);
        var listed = Assert.Single((await scenario.Department(Support).GetAsync()).AtRisk);
        Assert.Equal((third.Number, technician), (listed.CaseNumber, listed.TechnicianId));

        // Nobody else has room: the case stays where it is.
        Assert.Empty(await ActionsAsync(scenario, third.Number, CaseEventKinds.Rerouted));

        // Started, the case is no longer at risk of a late start: the view shows the clock alone.
        var started = await scenario.ApplyAsync(third.Number, CaseAction.Start);
        Assert.Equal((SlaState.Ok, false), (started.Sla!.State, started.Sla.AtRisk));
    }

    [Fact]
    public async Task AnAssignedCaseAtRiskWithWorkAheadOfItMovesToAQualifiedTechnicianWithRoomOnce()
    {
        var scenario = await AroundTheClockAsync();
        var busy = await scenario.TechnicianAsync(Support, capacity: 6); // three faults of weight 2
        await HistoryAsync(scenario, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(5));
        await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent);
        var number = await scenario.NewCaseNumberAsync();
        var third = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, number: number);
        Assert.Equal(busy, third.AssignedTechnicianId);
        var moved = Told(scenario, number, r => r.MoveTo is not null);

        var spare = await scenario.TechnicianAsync(Support, capacity: 2);
        await scenario.SettleAsync(Support, scenario.Region);
        await moved;
        await scenario.SettleAsync(Support, scenario.Region);

        var read = (await scenario.Case(number).GetAsync())!;
        Assert.Equal((CaseStatus.Assigned, spare), (read.Status, read.AssignedTechnicianId));
        Assert.Equal([$"predictedBreach: moved from {busy} to {spare}: 2 not started ahead of it there; {spare} has room"],
            await ActionsAsync(scenario, number, CaseEventKinds.Rerouted));
        Assert.DoesNotContain(number, await scenario.AssignedCasesAsync(busy));
        Assert.Equal([number], await scenario.AssignedCasesAsync(spare));
    }

    [Fact]
    public async Task AQueuedCaseAtRiskGoesToAFreeQualifiedTechnicianBeforeItsOptionalSkillsWouldBeDropped()
    {
        var (scenario, category, spare) = await OptionalSkillQueueAsync();
        var waiting = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, category: category);
        var rerouted = Told(scenario, waiting.Number, r => r.Reroute is not null);
        await scenario.PresenceAsync(spare, Presence.OnShift);
        Assert.Equal(CaseStatus.New, (await scenario.Case(waiting.Number).GetAsync())!.Status);

        await scenario.SettleAsync(Support, scenario.Region);
        await rerouted;

        var assigned = await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal(spare, assigned.AssignedTechnicianId);
        Assert.Equal([$"predictedBreach: optional skills dropped ahead of the relaxation delay (english≥2); {spare} has room"],
            await ActionsAsync(scenario, waiting.Number, CaseEventKinds.Rerouted));
        Assert.Single(await ActionsAsync(scenario, waiting.Number, CaseEventKinds.SlaAtRisk));
        Assert.True(fixture.Clock.GetUtcNow() - waiting.CreatedAt < ClusterFixture.RelaxationDelay);
    }

    [Fact]
    public async Task AQueuedCaseAtRiskStaysWhereItIsWhenNoQualifiedTechnicianHasRoom()
    {
        var (scenario, category, _) = await OptionalSkillQueueAsync();
        var number = await scenario.NewCaseNumberAsync();
        var flagged = Told(scenario, number, r => r.Forecast is not null);
        var waiting = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, category: category, number: number);

        await scenario.SettleAsync(Support, scenario.Region);
        await flagged;

        var queued = Assert.Single((await scenario.Department(Support).GetAsync()).Queue);
        Assert.Equal((waiting.Number, false), (queued.CaseNumber, queued.Optional.IsEmpty));
        Assert.NotNull(queued.AtRisk);
        Assert.Empty(await ActionsAsync(scenario, waiting.Number, CaseEventKinds.Rerouted));
        Assert.Equal(CaseStatus.New, (await scenario.Case(waiting.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task AQueuedCaseAtRiskOverflowsToANeighbourBeforeTheThresholdButIsActedOnOncePerCooldown()
    {
        var scenario = await AroundTheClockAsync();
        var neighbour = new Scenario(fixture);
        await scenario.NeighboursAsync(neighbour.Region);
        await scenario.TechnicianAsync(Support, capacity: 1);
        await HistoryAsync(scenario, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(10));
        await StartedUrgentAsync(scenario);
        var number = await scenario.NewCaseNumberAsync();
        var flagged = Told(scenario, number, r => r.Reroute is not null);
        var waiting = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, number: number);

        // Nobody in the neighbour region yet: the case stays, and a second review inside the cool-down does nothing more.
        await scenario.SettleAsync(Support, scenario.Region);
        await flagged;
        await scenario.SettleAsync(Support, scenario.Region);
        Assert.Equal([$"predictedBreach: open to overflow into {neighbour.Region} ahead of the overflow threshold"],
            await ActionsAsync(scenario, waiting.Number, CaseEventKinds.Rerouted));
        Assert.Equal([waiting.Number], await scenario.QueueAsync(Support));

        // A neighbour technician with room takes it at the next review, one case in the queue and no wait past the threshold.
        var helper = await neighbour.TechnicianAsync(Support, capacity: 1);
        await scenario.SettleAsync(Support, scenario.Region);
        var moved = await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal((neighbour.Region, helper), (moved.Region, moved.AssignedTechnicianId));
        Assert.True(fixture.Clock.GetUtcNow() - waiting.CreatedAt < ClusterFixture.OverflowOldestWait);
    }

    /// <summary>A region whose department's handling times put an urgent case past its first response (50 min to start,
    /// 10 of work), with a busy technician who has the optional skill a category prefers and a spare one, off shift,
    /// who has only the required ones.</summary>
    private async Task<(Scenario Scenario, string Category, string Spare)> OptionalSkillQueueAsync()
    {
        var scenario = await AroundTheClockAsync();
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [], [new SkillRequirement("english", 2)]));
        await scenario.TechnicianAsync(Support, capacity: 1, skills: [new Skill("hydraulics", 3), new Skill("english", 2)]);
        var spare = await scenario.TechnicianAsync(Support, capacity: 1, onShift: false);
        await HistoryAsync(scenario, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(10));
        await StartedUrgentAsync(scenario);
        return (scenario, category, spare);
    }
}
