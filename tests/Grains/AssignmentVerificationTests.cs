using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A technician accepts a case before the case is stored; an assignment its case never took (routing cut off)
/// is released once it is older than the verification delay. Time moves on the test's clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AssignmentVerificationTests(ClusterFixture fixture)
{
    private static readonly TimeSpan PastTheDelay = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task ATechnicianReleasesAnAssignmentWhoseCaseNeverTookIt()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        // What a crash leaves behind: the claim was accepted, the case was never stored.
        var orphan = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var claim = await scenario.Technician(technician).TryAssignAsync(
            new AssignmentOffer(orphan, CaseType.Fault, CasePriority.Normal, 2, "C-none"));
        Assert.True(claim.Accepted);

        AdvanceClock(PastTheDelay);
        var released = await scenario.Technician(technician).ReconcileAssignmentsAsync();

        Assert.Equal([orphan], released.ToArray());
        Assert.Empty(await scenario.AssignedCasesAsync(technician));
        Assert.Equal(0, (await scenario.Technician(technician).GetStatusAsync())!.Load);
    }

    [Fact]
    public async Task AnAssignmentItsCaseHoldsIsKept()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        Assert.Equal(technician, opened.AssignedTechnicianId);

        AdvanceClock(PastTheDelay);
        var released = await scenario.Technician(technician).ReconcileAssignmentsAsync();

        Assert.Empty(released);
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task AnAssignmentYoungerThanTheDelayIsNotQuestionedYet()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var inFlight = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        await scenario.Technician(technician).TryAssignAsync(new AssignmentOffer(inFlight, CaseType.Fault, CasePriority.Normal, 2, "C-none"));

        var released = await scenario.Technician(technician).ReconcileAssignmentsAsync();

        Assert.Empty(released);
        Assert.Equal([inFlight], await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task AnOpenCutOffBeforeItsWriteStoresNothingReleasesItsTechnicianAndARetryRoutesTheCase()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var customer = await scenario.CustomerAsync();
        var number = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var request = new OpenCaseRequest(customer.Id, CaseType.Fault, CasePriority.Normal, CaseChannel.Phone, "Pump leaks", "", null, "agent-1")
        {
            RequestHash = "h",
        };
        fixture.Faults.FailNextWrite(scenario.Case(number).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => scenario.Case(number).OpenAsync(request));

        // Routing ran (the technician accepted), the case write did not: the case does not exist.
        Assert.Null(await scenario.Case(number).GetAsync());
        Assert.Equal([number], await scenario.AssignedCasesAsync(technician));
        AdvanceClock(PastTheDelay);
        Assert.Equal([number], (await scenario.Technician(technician).ReconcileAssignmentsAsync()).ToArray());
        Assert.Empty(await scenario.AssignedCasesAsync(technician));

        var retried = await scenario.Case(number).OpenAsync(request);
        Assert.Equal((CaseStatus.Assigned, technician), (retried.Value!.Status, retried.Value.AssignedTechnicianId));
        Assert.Equal([number], await scenario.AssignedCasesAsync(technician));
    }

    private void AdvanceClock(TimeSpan by)
    {
        lock (fixture.Clock)
        {
            fixture.Clock.Advance(by);
        }
    }
}
