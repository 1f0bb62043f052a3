using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Faults;
using AfterSales.Api.Models;
using AfterSales.Cases;
using AfterSales.Models;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Fault codes on cases, the model's known solutions on them, and the solution a resolution records.</summary>
[Collection(ApiCollection.Name)]
public sealed class FaultKnowledgeTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AFaultCaseWithACodeShowsTheModelsKnownSolutionsForIt()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());

        var opened = await faults.FaultAsync(1, faultCode: "e42");
        var read = await faults.GetAsync(opened.Number);

        Assert.Equal(("E42", CaseStatus.Assigned), (opened.FaultCode, opened.Status));
        var solution = Assert.Single(read.KnownSolutions);
        Assert.Equal(("E42-1", "Replace the seal.", 0), (solution.Id, solution.Summary, solution.TimesUsed));
        Assert.Equal((null, null, null), (read.SolutionId, read.ProposedSolution, read.Problem));
        Assert.Empty(read.Children);
    }

    [Fact]
    public async Task AResolutionNamingAKnownSolutionRecordsItAndTheModelCountsIt()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var opened = await faults.FaultAsync(1);
        await faults.ActAsync(opened.Number, "start");

        var resolved = await faults.ActAsync(opened.Number, "resolve", new { summary = "Seal replaced.", solutionId = "E42-1" });

        Assert.Equal(("E42-1", CaseStatus.Resolved), (resolved.SolutionId, resolved.Status));
        Assert.Contains(await api.GetHistoryAsync(opened.Number),
            e => e.Action == "solutionApplied" && e.Details == "E42-1: Replace the seal.");
        await ApiDriver.EventuallyAsync(async () => (await ModelAsync(faults.Model)).FaultCodes[0].Solutions[0].TimesUsed == 1,
            "the model counted the solution");
        Assert.Equal(1, Assert.Single((await faults.GetAsync(opened.Number)).KnownSolutions).TimesUsed);
    }

    [Fact]
    public async Task ANewSolutionIsListedForSupervisorsUntilOneAdoptsItIntoTheModel()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var opened = await faults.FaultAsync(1);
        await faults.ActAsync(opened.Number, "start");

        var resolved = await faults.ActAsync(opened.Number, "resolve",
            new { summary = "Clamp retightened.", newSolution = "Retighten the inlet clamp to 12 Nm." }, ("X-Actor", "tech.wu"));
        var proposed = await ProposedAsync(faults.Model);
        using var adopt = await api.PostAsync($"/api/models/{faults.Model}/fault-codes/E42/solutions",
            new { summary = "Retighten the inlet clamp to 12 Nm.", sourceCase = opened.Number }, ("X-Actor", "supervisor.ma"));
        var adopted = await ApiDriver.ReadAsync<KnownSolution>(adopt, HttpStatusCode.Created);

        Assert.Equal("Retighten the inlet clamp to 12 Nm.", resolved.ProposedSolution);
        var proposal = Assert.Single(proposed.Proposals);
        Assert.Equal((opened.Number, "E42", "Retighten the inlet clamp to 12 Nm.", "tech.wu"),
            (proposal.CaseNumber, proposal.FaultCode, proposal.Summary, proposal.ProposedBy));
        Assert.Empty((await ProposedAsync(faults.Model)).Proposals);
        Assert.Equal(["E42-1", adopted.Id], (await faults.GetAsync(opened.Number)).KnownSolutions.Select(s => s.Id));
    }

    private async Task<ProductModelResponse> ModelAsync(string code) =>
        await ApiDriver.ReadAsync<ProductModelResponse>(await api.Client.GetAsync($"/api/models/{code}"), HttpStatusCode.OK);

    private async Task<ProposedSolutionsResponse> ProposedAsync(string code) =>
        await ApiDriver.ReadAsync<ProposedSolutionsResponse>(await api.Client.GetAsync($"/api/models/{code}/proposed-solutions"), HttpStatusCode.OK);
}
