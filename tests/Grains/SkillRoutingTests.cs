using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Skills, capacity weights, queue order and pulls on freed capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SkillRoutingTests(ClusterFixture fixture)
{
    private static AssignmentOffer Filler(int weight) => new(Scenario.NewId("X"), CaseType.Fault, CasePriority.Normal, weight, "C-filler");

    [Fact]
    public async Task AFaultOnAModelInACategoryGoesToTheTechnicianWithTheRequiredSkillEvenIfBusier()
    {
        var scenario = new Scenario(fixture);
        var model = Scenario.NewId("HX");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), CaseType.Fault, model, "hydraulics", [new SkillRequirement("hydraulics", 3)], []));
        var novice = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6, skills: [new Skill("hydraulics", 1)]);
        var expert = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4, skills: [new Skill("hydraulics", 4)]);
        Assert.True((await scenario.Technician(expert).TryAssignAsync(Filler(2))).Accepted);
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, model);

        var opened = await scenario.OpenCaseAsync(customer.Id, deviceSerial: device, category: "hydraulics");

        Assert.Equal(expert, opened.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(opened.Number);
        Assert.Equal([new SkillRequirement("hydraulics", 3)], decision.Required.ToArray());
        Assert.Equal((false, "missing hydraulics≥3"), decision.Candidates.Where(c => c.TechnicianId == novice).Select(c => (c.Eligible, c.Note)).Single());
    }

    [Fact]
    public async Task ARuleForAnotherModelDoesNotApply()
    {
        var scenario = new Scenario(fixture);
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), CaseType.Fault, Scenario.NewId("HX"), null, [new SkillRequirement("hydraulics", 5)], []));
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, skills: [new Skill("hydraulics", 1)]);
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, Scenario.NewId("HX"));

        var opened = await scenario.OpenCaseAsync(customer.Id, deviceSerial: device);

        Assert.Equal(technician, opened.AssignedTechnicianId);
        Assert.Empty((await scenario.LastDecisionAsync(opened.Number)).MatchedRuleIds);
    }

    [Fact]
    public async Task ACaseNobodyHasTheSkillsForWaitsAndIsPulledWhenATechnicianLearnsThem()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        var rule = Scenario.NewId("rule");
        await scenario.RuleAsync(new SkillRule(rule, null, null, category, [new SkillRequirement("welding", 2)], []));
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);

        var queued = await scenario.OpenForNewCustomerAsync(category: category);

        Assert.Equal(CaseStatus.New, queued.Status);
        var decision = await scenario.LastDecisionAsync(queued.Number);
        Assert.Equal(("queued", (string?)null), (decision.DecidedBy, decision.ChosenTechnicianId));
        Assert.Equal($"none of 1 eligible: {technician} missing welding≥2; requires welding≥2; rules {rule}", decision.Summary);

        var updated = await scenario.Technician(technician).UpdateAsync(new UpdateTechnicianRequest([new Skill("hydraulics", 3), new Skill("welding", 2)], null));
        Assert.True(updated.IsSuccess);

        var assigned = await scenario.WaitForStatusAsync(queued.Number, CaseStatus.Assigned);
        Assert.Equal(technician, assigned.AssignedTechnicianId);
    }

    [Fact]
    public async Task CaseWeightsDecideHowManyCasesATechnicianHolds()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 5);

        var first = await scenario.OpenForNewCustomerAsync();
        var second = await scenario.OpenForNewCustomerAsync();
        var third = await scenario.OpenForNewCustomerAsync();

        Assert.Equal([technician, technician, null], new[] { first, second, third }.Select(c => c.AssignedTechnicianId));
        Assert.Equal([2, 2], (await scenario.Technician(technician).GetAssignmentsAsync()).Select(a => a.Weight));
        var refused = Assert.Single((await scenario.LastDecisionAsync(third.Number)).Candidates);
        Assert.Equal("needs 2 free units, has 1 (4/5)", refused.Note);
    }

    [Fact]
    public async Task RaisingCapacityPullsTheNextQueuedCase()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.Maintenance, capacity: 3);
        var first = await scenario.OpenForNewCustomerAsync(CaseType.Maintenance);
        var waiting = await scenario.OpenForNewCustomerAsync(CaseType.Maintenance);
        Assert.Equal((CaseStatus.Assigned, CaseStatus.New), (first.Status, waiting.Status));

        var raised = await scenario.Technician(technician).UpdateAsync(new UpdateTechnicianRequest(null, 6));

        Assert.Equal(6, raised.Value!.Capacity);
        await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal([first.Number, waiting.Number], (await scenario.AssignedCasesAsync(technician)).Order());
    }

    [Fact]
    public async Task ACaseNobodyCanTakeDoesNotHoldBackALaterCaseSomeoneCan()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 2)], []));
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2);
        var working = await scenario.OpenForNewCustomerAsync();
        var blocked = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Urgent, category: category);
        var later = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Low);
        Assert.Equal([blocked.Number, later.Number], await scenario.QueueAsync(Department.TechnicalSupport));

        await scenario.ApplyAsync(working.Number, CaseAction.Start);
        await scenario.ResolveAsync(working.Number);

        await scenario.WaitForStatusAsync(later.Number, CaseStatus.Assigned);
        Assert.Equal([later.Number], await scenario.AssignedCasesAsync(technician));
        Assert.Equal([blocked.Number], await scenario.QueueAsync(Department.TechnicalSupport));
    }

    [Fact]
    public async Task AmongEqualPrioritiesTheOlderCaseIsServedFirst()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.CustomerService, capacity: 1, onShift: false);
        var older = await scenario.OpenForNewCustomerAsync(CaseType.Consultation, CasePriority.High);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await scenario.OpenForNewCustomerAsync(CaseType.Consultation, CasePriority.High);
        var low = await scenario.OpenForNewCustomerAsync(CaseType.Consultation, CasePriority.Low);
        var urgent = await scenario.OpenForNewCustomerAsync(CaseType.Consultation, CasePriority.Urgent);

        Assert.Equal([urgent.Number, older.Number, newer.Number, low.Number], await scenario.QueueAsync(Department.CustomerService));

        await scenario.PresenceAsync(technician, Presence.OnShift);

        await scenario.WaitForStatusAsync(urgent.Number, CaseStatus.Assigned);
        Assert.Equal([older.Number, newer.Number, low.Number], await scenario.QueueAsync(Department.CustomerService));
    }

    [Fact]
    public async Task AnAwayTechnicianTakesNoNewCasesAndKeepsItsOwn()
    {
        var scenario = new Scenario(fixture);
        var away = await scenario.TechnicianAsync(Department.CustomerService, capacity: 10);
        var kept = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);
        Assert.Equal(away, kept.AssignedTechnicianId);
        await scenario.PresenceAsync(away, Presence.Away);
        // Busier than the away technician (1/2 against 1/10): only being away keeps the case from it.
        var other = await scenario.TechnicianAsync(Department.CustomerService, capacity: 2);
        Assert.True((await scenario.Technician(other).TryAssignAsync(Filler(1))).Accepted);
        var view = await scenario.ReconciledViewAsync(Department.CustomerService);
        Assert.Contains(view.Roster, t => t.TechnicianId == away && t.Away);
        Assert.Contains(view.Roster, t => t.TechnicianId == other && t.Load == 1);

        var next = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);

        Assert.Equal(other, next.AssignedTechnicianId);
        Assert.Equal([kept.Number], await scenario.AssignedCasesAsync(away));
        Assert.Equal("away", (await scenario.LastDecisionAsync(next.Number)).Candidates.Single(c => c.TechnicianId == away).Note);
    }
}
