using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Escalation, transfer and a supervisor's manual assignment.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTests(ClusterFixture fixture)
{
    private static AssignmentOffer Filler(int weight) => new(Scenario.NewId("X"), CaseType.Fault, CasePriority.Normal, weight, "C-filler");

    [Fact]
    public async Task EscalatingMovesACustomerServiceCaseToTechnicalSupportKeepingItsNumberAndHistory()
    {
        var scenario = new Scenario(fixture);
        var agent = await scenario.TechnicianAsync(Department.CustomerService);
        var engineer = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var opened = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);
        Assert.Equal(agent, opened.AssignedTechnicianId);

        var result = await scenario.Case(opened.Number).EscalateAsync(new EscalateCaseRequest("Needs an engineer.", "agent-7", opened.Version));

        var escalated = result.Value!;
        Assert.Equal((opened.Number, Department.TechnicalSupport, CaseStatus.Assigned, engineer),
            (escalated.Number, escalated.Department, escalated.Status, escalated.AssignedTechnicianId));
        Assert.Empty(await scenario.AssignedCasesAsync(agent));
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(engineer));
        var history = await scenario.HistoryAsync(opened.Number);
        var escalation = history.Single(e => e.Action == "escalated");
        Assert.Equal(("agent-7", CaseStatus.Assigned, CaseStatus.New), (escalation.Actor, escalation.From!.Value, escalation.To!.Value));
        Assert.Equal($"customer-service/{scenario.Region} → technical-support/{scenario.Region}: Needs an engineer.", escalation.Details);
        Assert.Equal(["opened", "assigned", "escalated", "assigned"], history.Select(e => e.Action));
    }

    [Fact]
    public async Task AnEscalationNeedsAReasonACurrentVersionAndACustomerServiceCase()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.CustomerService);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var consultation = await scenario.OpenForNewCustomerAsync(CaseType.Consultation);
        var fault = await scenario.OpenForNewCustomerAsync(CaseType.Fault);

        var noReason = await scenario.Case(consultation.Number).EscalateAsync(new EscalateCaseRequest(" ", "agent-7"));
        var stale = await scenario.Case(consultation.Number).EscalateAsync(new EscalateCaseRequest("why", "agent-7", consultation.Version + 1));
        var notCustomerService = await scenario.Case(fault.Number).EscalateAsync(new EscalateCaseRequest("why", "agent-7"));

        Assert.Equal((ErrorKind.Validation, "reason"), (noReason.Error?.Kind, noReason.Error?.Field));
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(ErrorKind.Conflict, notCustomerService.Error?.Kind);
        Assert.Equal(consultation.Version, (await scenario.Case(consultation.Number).GetAsync())!.Version);
    }

    [Fact]
    public async Task EscalatingAQueuedCaseTakesItOutOfTheOldQueue()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.CustomerService, onShift: false);
        var engineer = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var queued = await scenario.OpenForNewCustomerAsync(CaseType.Complaint);
        Assert.Equal([queued.Number], await scenario.QueueAsync(Department.CustomerService));
        var withdrawn = fixture.Calls.Handled(scenario.Department(Department.CustomerService), nameof(IDepartmentGrain.WithdrawAsync));

        var escalated = await scenario.Case(queued.Number).EscalateAsync(new EscalateCaseRequest("Product defect.", "agent-7"));

        Assert.Equal(engineer, escalated.Value!.AssignedTechnicianId);
        await withdrawn;
        Assert.Empty(await scenario.QueueAsync(Department.CustomerService));
    }

    [Fact]
    public async Task TransferHandsACaseToInstallationAndRefusesTheSameDepartmentOrAClosedCase()
    {
        var scenario = new Scenario(fixture);
        var engineer = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var installer = await scenario.TechnicianAsync(Department.Installation);
        var opened = await scenario.OpenForNewCustomerAsync();
        var done = await scenario.OpenForNewCustomerAsync(CaseType.Installation);
        await scenario.ApplyAsync(done.Number, CaseAction.Start);
        await scenario.ResolveAsync(done.Number);

        var same = await scenario.Case(opened.Number).TransferAsync(new TransferCaseRequest(Department.TechnicalSupport, "why", "agent-1"));
        var closed = await scenario.Case(done.Number).TransferAsync(new TransferCaseRequest(Department.Maintenance, "why", "agent-1"));
        var moved = await scenario.Case(opened.Number).TransferAsync(new TransferCaseRequest(Department.Installation, "Needs a site visit.", "agent-1"));

        Assert.Equal((ErrorKind.Validation, "department"), (same.Error?.Kind, same.Error?.Field));
        Assert.Equal(ErrorKind.Conflict, closed.Error?.Kind);
        Assert.Equal((opened.Number, Department.Installation), (moved.Value!.Number, moved.Value.Department));
        Assert.Empty(await scenario.AssignedCasesAsync(engineer));
        // The installer's release of the resolved case reaches its department in a coalesced push: the transferred
        // case may wait a moment in the installation queue before it is pulled.
        var placed = await scenario.WaitForStatusAsync(opened.Number, CaseStatus.Assigned);
        Assert.Equal((Department.Installation, installer), (placed.Department, placed.AssignedTechnicianId));
        Assert.Contains((await scenario.HistoryAsync(opened.Number)), e => e.Action == "transferred" && e.Details!.EndsWith("Needs a site visit.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASupervisorAssignsACaseToAGivenTechnician()
    {
        var scenario = new Scenario(fixture);
        var first = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6);
        var opened = await scenario.OpenForNewCustomerAsync();
        Assert.Equal(first, opened.AssignedTechnicianId);
        var chosen = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2, skills: []);

        var result = await scenario.Case(opened.Number).AssignAsync(new AssignCaseRequest(chosen, "Speaks the customer's dialect.", "supervisor-1"));

        Assert.Equal((CaseStatus.Assigned, chosen), (result.Value!.Status, result.Value.AssignedTechnicianId));
        Assert.Empty(await scenario.AssignedCasesAsync(first));
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(chosen));
        var decision = await scenario.LastDecisionAsync(opened.Number);
        Assert.Equal(("manual", chosen, "supervisor-1: Speaks the customer's dialect."), (decision.DecidedBy, decision.ChosenTechnicianId, decision.Candidates.Single().Note));
        var last = (await scenario.HistoryAsync(opened.Number))[^1];
        Assert.Equal(("supervisor-1", "reassigned"), (last.Actor, last.Action));
    }

    [Fact]
    public async Task AManualAssignmentIsRefusedForAnOffShiftFullOrUnknownTechnicianOrWithoutAReason()
    {
        var scenario = new Scenario(fixture);
        var holder = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6);
        var offShift = await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        var full = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2);
        await scenario.Technician(full).TryAssignAsync(Filler(2));
        var opened = await scenario.OpenForNewCustomerAsync();
        Assert.Equal(holder, opened.AssignedTechnicianId);
        var grain = scenario.Case(opened.Number);

        var toOffShift = await grain.AssignAsync(new AssignCaseRequest(offShift, "why", "supervisor-1"));
        var toFull = await grain.AssignAsync(new AssignCaseRequest(full, "why", "supervisor-1"));
        var toNobody = await grain.AssignAsync(new AssignCaseRequest(Scenario.NewId("T"), "why", "supervisor-1"));
        var noReason = await grain.AssignAsync(new AssignCaseRequest(full, "", "supervisor-1"));

        Assert.Equal((ErrorKind.Conflict, $"Technician {offShift} cannot take case {opened.Number}: off shift."), (toOffShift.Error?.Kind, toOffShift.Error?.Message));
        Assert.Equal((ErrorKind.Conflict, $"Technician {full} cannot take case {opened.Number}: at capacity (2/2)."), (toFull.Error?.Kind, toFull.Error?.Message));
        Assert.Equal((ErrorKind.NotFound, "technicianId"), (toNobody.Error?.Kind, toNobody.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "reason"), (noReason.Error?.Kind, noReason.Error?.Field));
        Assert.Equal((holder, opened.Version), ((await grain.GetAsync())!.AssignedTechnicianId, (await grain.GetAsync())!.Version));
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(holder));
    }

    [Fact]
    public async Task AManualAssignmentOfAQueuedCaseTakesItOutOfTheQueueAndCanMoveItToAnotherRegion()
    {
        var scenario = new Scenario(fixture);
        var elsewhere = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, onShift: false);
        var remote = await elsewhere.TechnicianAsync(Department.Maintenance);
        var queued = await scenario.OpenForNewCustomerAsync(CaseType.Maintenance);
        Assert.Equal([queued.Number], await scenario.QueueAsync(Department.Maintenance));
        var withdrawn = fixture.Calls.Handled(scenario.Department(Department.Maintenance), nameof(IDepartmentGrain.WithdrawAsync));

        var result = await scenario.Case(queued.Number).AssignAsync(new AssignCaseRequest(remote, "Nearest free engineer.", "supervisor-1"));

        Assert.Equal((elsewhere.Region, remote, CaseStatus.Assigned), (result.Value!.Region, result.Value.AssignedTechnicianId, result.Value.Status));
        await withdrawn;
        Assert.Empty(await scenario.QueueAsync(Department.Maintenance));
        Assert.Equal([queued.Number], await elsewhere.AssignedCasesAsync(remote));
    }
}
