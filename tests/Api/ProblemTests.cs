using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Faults;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Problems over HTTP: detection opens one from five faults in a serial range, both sides show the link, a
/// supervisor links another case, the list shows it while open, and resolving it resolves its children.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task FaultsInOneSerialRangeBecomeAProblemThatResolvesThemWithItsSummary()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var opened = new List<CaseResponse>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await faults.FaultAsync(7000 + (i * 150)));
        }
        var problemNumber = (await faults.LinkedAsync(opened[^1].Number)).Problem!;
        var children = await Task.WhenAll(opened.Select(c => faults.LinkedAsync(c.Number)));
        var (problem, etag) = await api.GetCaseAsync(problemNumber);

        Assert.All(children, c => Assert.Equal(problemNumber, c.Problem));
        Assert.Equal(opened.Select(c => c.Number).Order(), problem.Children.Order());
        Assert.Equal((CaseType.Problem, Department.TechnicalSupport, faults.Region, CaseStatus.Assigned, null),
            (problem.Type, problem.Department, problem.Region, problem.Status, problem.CustomerId));
        Assert.Equal(new ProblemScopeResponse(faults.Model, "E42", faults.Serial(7000), faults.Serial(7600), 5, TimeSpan.FromDays(7)), problem.Scope);
        Assert.Equal("E42-1", Assert.Single(problem.KnownSolutions).Id);
        Assert.Contains(await OpenProblemsAsync(), p => p.Number == problemNumber && p.Children == 5);

        // A supervisor links a case the detection did not find (a fault without a code).
        var device = await faults.DeviceAsync(950_000);
        using var other = await api.PostAsync("/api/cases", faults.FaultBody(device.Serial, faultCode: null));
        var unlinked = await ApiDriver.ReadAsync<CaseResponse>(other, HttpStatusCode.Created);
        using var link = await api.PostAsync($"/api/cases/{problemNumber}/children", new { caseNumber = unlinked.Number },
            ("If-Match", etag.Tag), ("X-Actor", "supervisor.ma"));
        var linked = await ApiDriver.ReadAsync<CaseResponse>(link, HttpStatusCode.OK);
        Assert.Equal([.. problem.Children, unlinked.Number], linked.Children);
        Assert.Equal(problemNumber, (await faults.GetAsync(unlinked.Number)).Problem);
        Assert.Contains(await api.GetHistoryAsync(unlinked.Number),
            e => e.Action == "problemLinked" && e.Details == $"child of problem {problemNumber} (linked by supervisor.ma)");
        using var itself = await api.PostAsync($"/api/cases/{problemNumber}/children", new { caseNumber = problemNumber });
        using var unknown = await api.PostAsync($"/api/cases/{problemNumber}/children", new { caseNumber = "AS-1999-000001" });
        using var stale = await api.PostAsync($"/api/cases/{problemNumber}/children", new { caseNumber = unlinked.Number }, ("If-Match", etag.Tag));
        await Problem.AssertAsync(itself, HttpStatusCode.Conflict, "caseNumber");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "caseNumber");
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");

        await faults.ActAsync(problemNumber, "start");
        var resolved = await faults.ActAsync(problemNumber, "resolve",
            new { summary = "Replaced the batch's pressure valves.", solutionId = "E42-1", resolveChildren = true }, ("X-Actor", "tech.wu"));

        Assert.Equal((CaseStatus.Resolved, "E42-1"), (resolved.Status, resolved.SolutionId));
        foreach (var child in linked.Children)
        {
            var read = await faults.GetAsync(child);
            Assert.Equal((CaseStatus.Resolved, $"Resolved with problem {problemNumber}: Replaced the batch's pressure valves."),
                (read.Status, read.ResolutionSummary));
            Assert.Contains(await api.GetHistoryAsync(child), e => e.Action == "resolve" && e.Actor == "tech.wu");
        }
        Assert.Contains(await api.GetHistoryAsync(problemNumber), e => e.Action == "childrenResolved" && e.Details!.StartsWith("resolved: ", StringComparison.Ordinal));
        Assert.DoesNotContain(await OpenProblemsAsync(), p => p.Number == problemNumber);
    }

    [Fact]
    public async Task ASupervisorOpensAProblemByHandForTheCustomerWhoReportedItAndLinksCasesToIt()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var fault = await faults.FaultAsync(1);
        using var create = await api.PostAsync("/api/cases", faults.FaultBody(null, null, type: "problem"));
        var opened = await ApiDriver.ReadAsync<CaseResponse>(create, HttpStatusCode.Created);

        using var link = await api.PostAsync($"/api/cases/{opened.Number}/children", new { caseNumber = fault.Number });
        var linked = await ApiDriver.ReadAsync<CaseResponse>(link, HttpStatusCode.OK);

        Assert.Equal((CaseType.Problem, Department.TechnicalSupport, faults.CustomerId, null), (opened.Type, opened.Department, opened.CustomerId, opened.Scope));
        Assert.Equal([fault.Number], linked.Children);
        Assert.Contains(await OpenProblemsAsync(), p => p.Number == opened.Number && p.Children == 1);
    }

    /// <summary>Every open problem, following the pages' next links.</summary>
    private async Task<List<ProblemListItemResponse>> OpenProblemsAsync()
    {
        var all = new List<ProblemListItemResponse>();
        string? next = "/api/problems?limit=2";
        while (next is not null)
        {
            var page = await ApiDriver.ReadAsync<ProblemListResponse>(await api.Client.GetAsync(next), HttpStatusCode.OK);
            all.AddRange(page.Problems);
            next = page.Next;
        }
        return all;
    }
}
