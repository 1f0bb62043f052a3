using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Every waiting case says why it waits; a case nobody can ever take is flagged for a supervisor; a technician
/// holding nothing takes a case heavier than its capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitingReasonTests(ClusterFixture fixture)
{
    private const Department Support = Department.TechnicalSupport;

    [Fact]
    public async Task AQueuedCaseSaysWhyItWaitsAndTheReasonFollowsTheRoster()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, onShift: false);

        var waiting = await scenario.OpenForNewCustomerAsync();

        Assert.Equal(WaitingReasonKind.NobodyOnShift, waiting.Waiting?.Kind);
        Assert.Equal("nobody on shift (1 off shift)", waiting.Waiting!.Detail);
        var view = await scenario.Department(Support).GetAsync();
        Assert.Equal(WaitingReasonKind.NobodyOnShift, view.Queue.Single().Waiting?.Kind);

        Assert.Empty(view.Unroutable);

        // The technician's push reaches the department, whose next turn judges the reasons again; a review does that now.
        var department = scenario.Department(Support);
        var pushed = fixture.Calls.Handled<TechnicianStatus>(department, nameof(IDepartmentGrain.TechnicianUpdatedAsync), s => s.Away);
        await scenario.PresenceAsync(technician, Presence.Away);
        await pushed;
        await department.ReviewQueueAsync();
        Assert.Equal("nobody on shift (1 away)", (await department.GetAsync()).Queue.Single().Waiting?.Detail);
    }

    [Fact]
    public async Task ACaseNobodyHasTheSkillsForIsUnroutableUntilSomeoneHasThem()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 4)], []));
        await scenario.TechnicianAsync(Support, skills: [new Skill("welding", 2)]);

        // The department tells the case in a turn after it joined the queue, one-way: the case hearing it is the barrier.
        var number = await scenario.NewCaseNumberAsync();
        var unroutable = fixture.Calls.Handled<CaseWaiting>(scenario.Case(number), nameof(ICaseGrain.OnWaitingAsync), w => w.Reason.Kind == WaitingReasonKind.Unroutable);
        var stuck = await scenario.OpenForNewCustomerAsync(category: category, number: number);

        await unroutable;
        var flagged = await scenario.Case(stuck.Number).GetAsync();
        Assert.Equal(WaitingReasonKind.Unroutable, flagged!.Waiting?.Kind);
        Assert.Equal("no technician on the roster has welding≥4", flagged.Waiting!.Detail);
        Assert.Equal([new SkillRequirement("welding", 4)], flagged.Waiting.MissingSkills.ToArray());
        Assert.Equal([stuck.Number], (await scenario.Department(Support).GetAsync()).Unroutable.ToArray());
        Assert.Contains(await scenario.HistoryAsync(stuck.Number), e => e.Action == CaseEventKinds.Unroutable);

        var qualified = fixture.Calls.Handled<CaseWaiting>(scenario.Case(number), nameof(ICaseGrain.OnWaitingAsync), w => w.Reason.Kind == WaitingReasonKind.NobodyQualified);
        await scenario.TechnicianAsync(Support, onShift: false, skills: [new Skill("welding", 5)]);

        await qualified;
        var routable = await scenario.Case(stuck.Number).GetAsync();
        Assert.Equal((CaseStatus.New, WaitingReasonKind.NobodyQualified), (routable!.Status, routable.Waiting?.Kind));
        Assert.Empty((await scenario.Department(Support).GetAsync()).Unroutable);
        Assert.Contains(await scenario.HistoryAsync(stuck.Number), e => e.Action == CaseEventKinds.Routable);
    }

    [Fact]
    public async Task ANeighbourWithTheSkillKeepsACaseRoutable()
    {
        var origin = new Scenario(fixture);
        var neighbour = new Scenario(fixture);
        await origin.NeighboursAsync(neighbour.Region);
        var category = Scenario.NewId("cat");
        await origin.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 4)], []));
        await neighbour.TechnicianAsync(Support, onShift: false, skills: [new Skill("welding", 4)]);

        var waiting = await origin.OpenForNewCustomerAsync(category: category);
        await origin.Department(Support).ReviewQueueAsync();

        var read = await origin.Case(waiting.Number).GetAsync();
        Assert.Equal(WaitingReasonKind.NobodyOnShift, read!.Waiting?.Kind);
        Assert.Empty((await origin.Department(Support).GetAsync()).Unroutable);
    }

    [Fact]
    public async Task ACapacityOneTechnicianHoldingNothingTakesAWeightTwoCaseFromTheQueue()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 1, onShift: false);
        var waiting = await scenario.OpenForNewCustomerAsync(CaseType.Fault);
        Assert.Equal(WaitingReasonKind.NobodyOnShift, waiting.Waiting?.Kind);

        await scenario.PresenceAsync(technician, Presence.OnShift);

        var served = await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal(technician, served.AssignedTechnicianId);
        var next = await scenario.OpenForNewCustomerAsync(CaseType.Fault);
        Assert.Equal(WaitingReasonKind.AllAtCapacity, next.Waiting?.Kind);
        Assert.Equal("all 1 qualified technician on shift is at capacity (it needs 2 units)", next.Waiting!.Detail);
    }
}
