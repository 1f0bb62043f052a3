using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class FaultKnowledgeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AFaultCaseRecordsTheModelsSpellingOfItsCodeAndShowsTheCodesKnownSolutions()
    {
        var faults = await FaultScenario.StartAsync(fixture);

        var opened = await faults.FaultAsync(1, faultCode: "e42");
        var read = await faults.Scenario.Case(opened.Number).GetAsync();

        Assert.Equal("E42", opened.FaultCode);
        Assert.Equal(["E42-1", "E42-2"], opened.KnownSolutions.Select(s => s.Id));
        Assert.Equal(opened.KnownSolutions.Select(s => s.Summary), read!.KnownSolutions.Select(s => s.Summary));
    }

    [Fact]
    public async Task ASolutionAddedToTheModelShowsOnTheCaseOnceTheSilosSeeTheChange()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = await faults.FaultAsync(1);

        var added = await faults.ModelGrain.AddSolutionAsync(new AddSolutionRequest(FaultScenario.Code, "Replace the pump.", "supervisor-1"));
        await fixture.RefreshModelAsync(faults.Model);
        var read = await faults.Scenario.Case(opened.Number).GetAsync();

        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal(["E42-1", "E42-2", added.Value!.Id], read!.KnownSolutions.Select(s => s.Id));
    }

    [Fact]
    public async Task AFaultCodeTheModelDoesNotHaveIsRefusedNamingTheCodesItHas()
    {
        var faults = await FaultScenario.StartAsync(fixture);

        var result = await faults.TryOpenAsync(CaseType.Fault, await faults.DeviceAsync(1), "E99");

        Assert.Equal((ErrorKind.Unprocessable, "faultCode"), (result.Error?.Kind, result.Error?.Field));
        Assert.Equal($"Model {faults.Model} has no fault code 'E99'; its fault codes are E42, E43.", result.Error!.Message);
    }

    [Fact]
    public async Task AFaultCodeWithoutADeviceOrOnACaseThatIsNoFaultIsRefused()
    {
        var faults = await FaultScenario.StartAsync(fixture);

        var withoutDevice = await faults.TryOpenAsync(CaseType.Fault, null, "E42");
        var onAComplaint = await faults.TryOpenAsync(CaseType.Complaint, await faults.DeviceAsync(1), "E42");

        Assert.Equal((ErrorKind.Unprocessable, "faultCode"), (withoutDevice.Error?.Kind, withoutDevice.Error?.Field));
        Assert.Equal((ErrorKind.Unprocessable, "faultCode"), (onAComplaint.Error?.Kind, onAComplaint.Error?.Field));
        Assert.Contains("complaint", onAComplaint.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResolutionNamingAKnownSolutionRecordsItAndTheModelCountsIt()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = await faults.FaultAsync(1);

        // The count is told one-way after the case's write.
        var counted = fixture.Calls.Handled<string>(faults.ModelGrain, nameof(IProductModelGrain.OnSolutionUsedAsync), id => id == "E42-2");
        var resolved = await faults.StartAndResolveAsync(opened.Number, solutionId: "e42-2");

        Assert.True(resolved.IsSuccess, resolved.Error?.Message);
        Assert.Equal("E42-2", resolved.Value!.SolutionId);
        var history = await faults.Scenario.HistoryAsync(opened.Number);
        Assert.Contains(history, e => e.Action == CaseEventKinds.SolutionApplied && e.Details == "E42-2: Bleed the circuit.");
        await counted;
        var model = await faults.ModelGrain.GetAsync();
        Assert.Equal(1, model!.FaultCodes[0].Solutions[1].TimesUsed);
        Assert.Equal(0, model!.FaultCodes[0].Solutions[0].TimesUsed);
    }

    [Fact]
    public async Task ASolutionTheFaultCodeDoesNotKnowIsRefusedAndTheCaseStaysInProgress()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = await faults.FaultAsync(1);

        var result = await faults.StartAndResolveAsync(opened.Number, solutionId: "E43-1");

        Assert.Equal((ErrorKind.Unprocessable, "solutionId"), (result.Error?.Kind, result.Error?.Field));
        Assert.Equal($"Fault code E42 of model {faults.Model} has no solution 'E43-1'; its solutions are E42-1, E42-2.", result.Error!.Message);
        Assert.Equal(CaseStatus.InProgress, (await faults.Scenario.Case(opened.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task ANewSolutionIsRecordedAndListedForSupervisors()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = await faults.FaultAsync(1);

        var resolved = await faults.StartAndResolveAsync(opened.Number, newSolution: "Tighten the inlet clamp.");

        Assert.Equal(("Tighten the inlet clamp.", null), (resolved.Value!.ProposedSolution, resolved.Value.SolutionId));
        Assert.Contains(await faults.Scenario.HistoryAsync(opened.Number),
            e => e.Action == CaseEventKinds.SolutionProposed && e.Details == "Tighten the inlet clamp.");
        var proposals = await fixture.Grains.GetGrain<IProposedSolutionsGrain>(faults.Model).GetAsync();
        Assert.Equal([(opened.Number, "E42", "Tighten the inlet clamp.", "tech-1")],
            proposals.Select(p => (p.CaseNumber, p.FaultCode, p.Summary, p.ProposedBy)));
    }

    [Fact]
    public async Task ASolutionOnACaseWithoutAFaultCodeOrOnAnotherActionIsRefused()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var withoutCode = await faults.FaultAsync(1, faultCode: null);
        var withCode = await faults.FaultAsync(2);

        var resolved = await faults.StartAndResolveAsync(withoutCode.Number, newSolution: "Something new.");
        var onWait = await faults.Scenario.Case(withCode.Number).ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1") { SolutionId = "E42-1" });

        Assert.Equal((ErrorKind.Unprocessable, "newSolution"), (resolved.Error?.Kind, resolved.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "solutionId"), (onWait.Error?.Kind, onWait.Error?.Field));
        Assert.Equal(CaseStatus.Assigned, (await faults.Scenario.Case(withCode.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task AReopenForgetsTheSolutionOfTheResolutionItUndoes()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = await faults.FaultAsync(1);
        await faults.StartAndResolveAsync(opened.Number, solutionId: "E42-1");

        var reopened = await faults.Scenario.ApplyAsync(opened.Number, CaseAction.Reopen);

        Assert.Equal((null, null), (reopened.SolutionId, reopened.ProposedSolution));
    }
}
