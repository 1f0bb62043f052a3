using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Each strategy, and customer affinity over them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StrategyTests(ClusterFixture fixture)
{
    private static AssignmentOffer Filler(int weight) => new(Scenario.NewId("X"), CaseType.Fault, CasePriority.Normal, weight, "C-filler");

    /// <summary>Makes the department's view show the technician's load now (pushes are coalesced, so they lag a little).</summary>
    private static async Task SeesLoadAsync(Scenario scenario, Department department, string technicianId, int load) =>
        Assert.Contains((await scenario.ReconciledViewAsync(department)).Roster, t => t.TechnicianId == technicianId && t.Load == load);

    [Fact]
    public async Task LeastLoadedIsTheDefaultStrategy()
    {
        var scenario = new Scenario(fixture);
        var busy = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        var idle = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        await scenario.Technician(busy).TryAssignAsync(Filler(1));
        await SeesLoadAsync(scenario, Department.CustomerService, busy, 1);

        var opened = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);

        Assert.Equal(idle, opened.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(opened.Number);
        Assert.Equal((RoutingStrategy.LeastLoaded, "leastLoaded"), (decision.Strategy, decision.DecidedBy));
        Assert.Equal([(idle, 0d), (busy, 0.25)], decision.Candidates.Select(c => (c.TechnicianId, c.Score!.Value)));
    }

    [Fact]
    public async Task RoundRobinHandsCasesOutInTurnWhateverTheLoad()
    {
        var scenario = new Scenario(fixture);
        await scenario.StrategyAsync(Department.CustomerService, RoutingStrategy.RoundRobin);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await scenario.TechnicianAsync(Department.CustomerService, capacity: 10));
        }
        ids.Sort(StringComparer.Ordinal);

        var assignees = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            assignees.Add((await scenario.OpenForNewCustomerAsync(CaseType.Consultation)).AssignedTechnicianId);
        }

        Assert.Equal([ids[0], ids[1], ids[2], ids[0], ids[1]], assignees);
    }

    [Fact]
    public async Task BestSkillMatchKeepsTheScarceExpertFree()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), CaseType.Fault, null, category, [new SkillRequirement("hydraulics", 3)], []));
        await scenario.StrategyAsync(Department.TechnicalSupport, RoutingStrategy.BestSkillMatch);
        var expert = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6, skills: [new Skill("hydraulics", 5)]);
        var exact = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6, skills: [new Skill("hydraulics", 3)]);
        // Least-loaded would pick the idle expert: the exact match is busier.
        await scenario.Technician(exact).TryAssignAsync(Filler(2));
        await SeesLoadAsync(scenario, Department.TechnicalSupport, exact, 2);

        var opened = await scenario.OpenForNewCustomerAsync(category: category);

        Assert.Equal(exact, opened.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(opened.Number);
        Assert.Equal("bestSkillMatch", decision.DecidedBy);
        Assert.Equal(
            [(exact, 0d, "exact skill match, 0.33 load"), (expert, 2d, "over-qualified by 2, 0 load")],
            decision.Candidates.Select(c => (c.TechnicianId, c.Score!.Value, c.Note)));
    }

    [Fact]
    public async Task AReturningCustomerGetsTheTechnicianOfTheirPreviousCase()
    {
        var scenario = new Scenario(fixture);
        var first = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        var customer = await scenario.CustomerAsync();
        var earlier = await scenario.OpenCaseAsync(customer.Id, CaseType.Consultation);
        Assert.Equal(first, earlier.AssignedTechnicianId);
        await scenario.ApplyAsync(earlier.Number, CaseAction.Start);
        await scenario.ResolveAsync(earlier.Number);
        var idle = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        await scenario.Technician(first).TryAssignAsync(Filler(2));
        await SeesLoadAsync(scenario, Department.CustomerService, first, 2);

        var again = await scenario.OpenCaseAsync(customer.Id, CaseType.Consultation);

        Assert.Equal(first, again.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(again.Number);
        Assert.Equal("affinity", decision.DecidedBy);
        Assert.Equal((first, "previous case's technician; 0.5 load"), (decision.Candidates[0].TechnicianId, decision.Candidates[0].Note));
        Assert.Equal(idle, decision.Candidates[1].TechnicianId);
        Assert.Equal(first, (await scenario.Case(again.Number).GetRoutingAsync())!.PreferredTechnicianId);
    }

    [Fact]
    public async Task AffinityGivesWayWhenThePreviousTechnicianCannotTakeTheCase()
    {
        var scenario = new Scenario(fixture);
        var first = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        var customer = await scenario.CustomerAsync();
        var earlier = await scenario.OpenCaseAsync(customer.Id, CaseType.Consultation);
        Assert.Equal(first, earlier.AssignedTechnicianId);
        await scenario.ApplyAsync(earlier.Number, CaseAction.Start);
        await scenario.ResolveAsync(earlier.Number);
        var other = await scenario.TechnicianAsync(Department.CustomerService, capacity: 4);
        await scenario.Technician(first).SetShiftAsync(false);
        Assert.Contains((await scenario.ReconciledViewAsync(Department.CustomerService)).Roster, t => t.TechnicianId == first && !t.OnShift);

        var again = await scenario.OpenCaseAsync(customer.Id, CaseType.Consultation);

        Assert.Equal(other, again.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(again.Number);
        Assert.Equal("leastLoaded", decision.DecidedBy);
        Assert.Equal("previous case's technician, but off shift", decision.Candidates.Single(c => c.TechnicianId == first).Note);
    }
}
