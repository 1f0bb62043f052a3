using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>One-way messages lost on arrival (as when a silo dies with them in flight) heal at the next
/// reconciliation, which the tests run explicitly instead of waiting for its timer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReconciliationTests(ClusterFixture fixture)
{
    private const Department Support = Department.TechnicalSupport;

    [Fact]
    public async Task ALostStatusPushHealsAndTheWaitingCaseIsServed()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 2);
        var held = await scenario.OpenForNewCustomerAsync();
        var waiting = await scenario.OpenForNewCustomerAsync();
        Assert.Equal((technician, CaseStatus.New), (held.AssignedTechnicianId, waiting.Status));
        var department = scenario.Department(Support);
        // The push of the first assignment may still be scheduled: send it now, so that the push lost is the release's.
        Assert.NotNull(await fixture.SettleScheduledAsync([technician], []));
        var lost = fixture.Drops.DropNext(department.GetPrimaryKeyString(), nameof(IDepartmentGrain.TechnicianUpdatedAsync));

        await scenario.ApplyAsync(held.Number, CaseAction.Start);
        await scenario.ResolveAsync(held.Number);
        await lost.Dropped;
        Assert.Equal(2, (await department.GetAsync()).Roster.Single().Load);

        var reconciled = await department.ReconcileAsync();

        Assert.Equal(1, reconciled.Refreshed);
        var served = await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal(technician, served.AssignedTechnicianId);
    }

    [Fact]
    public async Task ALostOffShiftReturnIsSentAgainAndTheCaseQueuesOnce()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support);
        var opened = await scenario.OpenForNewCustomerAsync();
        Assert.Equal(technician, opened.AssignedTechnicianId);
        var department = scenario.Department(Support);
        var lost = fixture.Drops.DropNext(department.GetPrimaryKeyString(), nameof(IDepartmentGrain.CasesReturnedAsync));

        await scenario.PresenceAsync(technician, Presence.OffShift);
        await lost.Dropped;
        Assert.Equal(CaseStatus.Assigned, (await scenario.Case(opened.Number).GetAsync())!.Status);
        Assert.Empty(await scenario.AssignedCasesAsync(technician));

        var reconciled = await department.ReconcileAsync();

        Assert.Equal([opened.Number], reconciled.Returned.ToArray());
        // The return is handed back in the department's next turn; a review does that turn's work now.
        await department.ReviewQueueAsync();
        Assert.Equal(CaseStatus.New, (await scenario.Case(opened.Number).GetAsync())!.Status);
        Assert.Equal([opened.Number], await scenario.QueueAsync(Support));
        Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.Returned);

        // The technician's record of that return is reconciled once, not at every pass.
        Assert.Empty((await department.ReconcileAsync()).Returned);
    }

    [Fact]
    public async Task AReturnIsNeverSentAgainForACaseTheTechnicianTookBack()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support);
        var opened = await scenario.OpenForNewCustomerAsync();
        await scenario.PresenceAsync(technician, Presence.OffShift);
        await scenario.WaitForStatusAsync(opened.Number, CaseStatus.New);

        await scenario.PresenceAsync(technician, Presence.OnShift);
        await scenario.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);
        var reconciled = await scenario.Department(Support).ReconcileAsync();

        Assert.Empty(reconciled.Returned);
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(technician));
        Assert.Equal(CaseStatus.Assigned, (await scenario.Case(opened.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task ALostWithdrawalHealsAndTheStaleEntryLeavesTheQueue()
    {
        var scenario = new Scenario(fixture);
        var waiting = await scenario.OpenForNewCustomerAsync();
        var department = scenario.Department(Support);
        var lost = fixture.Drops.DropNext(department.GetPrimaryKeyString(), nameof(IDepartmentGrain.WithdrawAsync));

        await scenario.ApplyAsync(waiting.Number, CaseAction.Cancel);
        await lost.Dropped;
        Assert.Equal([waiting.Number], await scenario.QueueAsync(Support));

        var reconciled = await department.ReconcileAsync();

        Assert.Equal([waiting.Number], reconciled.Dropped.ToArray());
        Assert.Empty(await scenario.QueueAsync(Support));
    }

    [Fact]
    public async Task AQueuedCaseMissingFromItsQueueIsQueuedAgainWhenItIsNextActivated()
    {
        var scenario = new Scenario(fixture);
        var waiting = await scenario.OpenForNewCustomerAsync();
        var department = scenario.Department(Support);
        // The department loses the entry while the case still says it waits there (withdraw is one-way).
        var withdrawn = fixture.Calls.Handled(department, nameof(IDepartmentGrain.WithdrawAsync));
        await department.WithdrawAsync(waiting.Number);
        await withdrawn;
        Assert.Empty(await scenario.QueueAsync(Support));

        await fixture.Cluster.DeactivateAsync(scenario.Case(waiting.Number));
        // On activation the case asks its department, one-way and in a turn of its own, to hold it again.
        var ensured = fixture.Calls.Handled<CaseTicket>(department, nameof(IDepartmentGrain.EnsureQueuedAsync), t => t.CaseNumber == waiting.Number);
        Assert.True((await scenario.Case(waiting.Number).GetRoutingAsync())!.Queued);

        await ensured;
        Assert.Contains(waiting.Number, await scenario.QueueAsync(Support));
    }

    [Fact]
    public async Task ALostWaitingNoticeIsSentAgain()
    {
        var scenario = new Scenario(fixture);
        var category = Scenario.NewId("cat");
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), null, null, category, [new SkillRequirement("welding", 4)], []));
        var customer = await scenario.CustomerAsync();
        var number = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var lost = fixture.Drops.DropNext(number, nameof(ICaseGrain.OnWaitingAsync));

        var opened = await scenario.Case(number).OpenAsync(new OpenCaseRequest(customer.Id, CaseType.Fault, CasePriority.Normal,
            CaseChannel.Phone, "Seam cracked", "The weld seam is cracked.", null, "agent-1") { Category = category });
        await lost.Dropped;
        Assert.Equal(WaitingReasonKind.NobodyOnShift, opened.Value!.Waiting?.Kind);

        var retold = fixture.Calls.Handled<CaseWaiting>(scenario.Case(number), nameof(ICaseGrain.OnWaitingAsync), w => w.Reason.Kind == WaitingReasonKind.Unroutable);
        var reconciled = await scenario.Department(Support).ReconcileAsync();

        Assert.Equal(1, reconciled.Retold);
        await retold;
        var told = await scenario.Case(number).GetAsync();
        Assert.Equal(WaitingReasonKind.Unroutable, told!.Waiting?.Kind);
        Assert.Equal("no technician on the roster has welding≥4", told.Waiting!.Detail);
        Assert.Contains(await scenario.HistoryAsync(number), e => e.Action == CaseEventKinds.Unroutable);
    }
}
