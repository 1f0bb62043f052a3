using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains;

/// <summary>Cross-region overflow and optional-skill relaxation: the queue reviews.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueReviewTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AQueuePastItsLengthThresholdOverflowsToANeighbourWithFreeCapacity()
    {
        var origin = new Scenario(fixture);
        var neighbour = new Scenario(fixture);
        await origin.NeighboursAsync(neighbour.Region);
        await origin.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        var helper = await neighbour.TechnicianAsync(Department.TechnicalSupport, capacity: 10);

        var cases = new List<CaseSnapshot>();
        for (var i = 0; i < ClusterFixture.OverflowQueueLength; i++)
        {
            cases.Add(await origin.OpenForNewCustomerAsync());
        }
        await origin.Department(Department.TechnicalSupport).ReviewQueueAsync();

        foreach (var opened in cases)
        {
            var moved = await origin.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);
            Assert.Equal((opened.Number, neighbour.Region, helper), (moved.Number, moved.Region, moved.AssignedTechnicianId));
            var history = await origin.HistoryAsync(opened.Number);
            Assert.Equal(
                $"technical-support/{origin.Region} → technical-support/{neighbour.Region}: the queue in technical-support/{origin.Region} was past its threshold",
                history.Single(e => e.Action == "overflowed").Details);
            Assert.Equal("overflow", (await origin.LastDecisionAsync(opened.Number)).DecidedBy);
        }
        Assert.Empty(await origin.QueueAsync(Department.TechnicalSupport));
        Assert.Equal(cases.Select(c => c.Number).Order(), (await neighbour.AssignedCasesAsync(helper)).Order());
    }

    [Fact]
    public async Task ACaseWaitingLongerThanTheThresholdOverflowsWhenTheQueueIsReviewed()
    {
        var origin = new Scenario(fixture);
        var neighbour = new Scenario(fixture);
        await origin.NeighboursAsync(neighbour.Region);
        var helper = await neighbour.TechnicianAsync(Department.Installation, capacity: 3);
        var waiting = await origin.OpenForNewCustomerAsync(CaseType.Installation);

        var early = await origin.Department(Department.Installation).ReviewQueueAsync();

        Assert.Empty(early.Overflowed);
        Assert.Equal(1, early.Queued);
        Assert.Equal([waiting.Number], await origin.QueueAsync(Department.Installation));

        fixture.Clock.Advance(ClusterFixture.OverflowOldestWait);
        await origin.Department(Department.Installation).ReviewQueueAsync();

        var moved = await origin.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal((neighbour.Region, helper), (moved.Region, moved.AssignedTechnicianId));
    }

    [Fact]
    public async Task ANeighbourWithAQueueOfItsOwnIsNotOfferedOverflow()
    {
        var origin = new Scenario(fixture);
        var neighbour = new Scenario(fixture);
        await origin.NeighboursAsync(neighbour.Region);
        var category = Scenario.NewId("cat");
        await origin.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 2)], []));
        await neighbour.TechnicianAsync(Department.Maintenance, capacity: 9);
        var stuck = await neighbour.OpenForNewCustomerAsync(CaseType.Maintenance, category: category);
        Assert.Equal(CaseStatus.New, stuck.Status);
        var waiting = new List<string>();
        for (var i = 0; i < ClusterFixture.OverflowQueueLength; i++)
        {
            waiting.Add((await origin.OpenForNewCustomerAsync(CaseType.Maintenance)).Number);
        }

        var review = await origin.Department(Department.Maintenance).ReviewQueueAsync();
        var capacity = await neighbour.Department(Department.Maintenance).GetCapacityAsync();

        Assert.Empty(review.Overflowed);
        // The technician holds nothing, so it could take a case of any weight.
        Assert.Equal(new DepartmentCapacity(1, 9, int.MaxValue, 1), capacity);
        Assert.Equal(waiting, await origin.QueueAsync(Department.Maintenance));
    }

    [Fact]
    public async Task OptionalSkillsAreDroppedAfterTheDelayAndTheCaseIsThenAssigned()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [], [new SkillRequirement("english", 2)]));
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var queued = await scenario.OpenForNewCustomerAsync(category: category);
        Assert.Equal(CaseStatus.New, queued.Status);
        Assert.Contains("missing optional english≥2", (await scenario.LastDecisionAsync(queued.Number)).Summary, StringComparison.Ordinal);

        var early = await scenario.Department(Department.TechnicalSupport).ReviewQueueAsync();

        Assert.Equal((0, 1), (early.Relaxed.Length, early.Queued));

        // The department tells the case one-way; the case recording it is the barrier.
        var told = fixture.Calls.Handled(scenario.Case(queued.Number), nameof(ICaseGrain.OnRelaxedAsync));
        fixture.Clock.Advance(ClusterFixture.RelaxationDelay);
        await scenario.Department(Department.TechnicalSupport).ReviewQueueAsync();

        Assert.Equal(technician, (await scenario.WaitForStatusAsync(queued.Number, CaseStatus.Assigned)).AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(queued.Number);
        Assert.True(decision.Relaxed);
        Assert.Empty(decision.Optional);
        await told;
        var relaxed = await scenario.HistoryAsync(queued.Number);
        Assert.Equal(
            $"optional skills dropped after 10 min in the queue of technical-support/{scenario.Region}: english≥2",
            relaxed.Single(e => e.Action == "relaxed").Details);
        Assert.True((await scenario.Case(queued.Number).GetRoutingAsync())!.OptionalRelaxed);
    }

    [Fact]
    public async Task RequiredSkillsAreNeverRelaxed()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 2)], []));
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var queued = await scenario.OpenForNewCustomerAsync(category: category);

        fixture.Clock.Advance(ClusterFixture.RelaxationDelay * 2);
        var review = await scenario.Department(Department.TechnicalSupport).ReviewQueueAsync();

        Assert.Equal((0, 0, 1), (review.Relaxed.Length, review.Assigned.Length, review.Queued));
        Assert.Equal(CaseStatus.New, (await scenario.Case(queued.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task ADepartmentKeepsAReviewReminderWhileItHasARosterOrWaitingCases()
    {
        var scenario = new Scenario(fixture);
        var department = scenario.Department(Department.Installation);
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

        var queued = await scenario.OpenForNewCustomerAsync(CaseType.Installation);
        Assert.NotNull(await reminders.ReadRow(department.GetGrainId(), "queue-review"));

        var withdrawn = fixture.Calls.Handled(department, nameof(IDepartmentGrain.WithdrawAsync));
        await scenario.ApplyAsync(queued.Number, CaseAction.Cancel);
        await withdrawn;
        Assert.Empty(await scenario.QueueAsync(Department.Installation));
        var review = await department.ReviewQueueAsync();

        Assert.Equal(0, review.Queued);
        Assert.Null(await reminders.ReadRow(department.GetGrainId(), "queue-review"));

        await scenario.TechnicianAsync(Department.Installation, onShift: false);
        Assert.NotNull(await reminders.ReadRow(department.GetGrainId(), "queue-review"));
    }
}
