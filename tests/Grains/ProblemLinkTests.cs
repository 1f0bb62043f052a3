using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Problems;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ProblemLinkTests(ClusterFixture fixture)
{
    /// <summary>Five faults 100 serials apart: detection opens a problem with them as children, in serial order.</summary>
    private static async Task<(string Problem, string[] Children)> ProblemAsync(FaultScenario faults, int first = 1000)
    {
        var children = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            children.Add((await faults.FaultAsync(first + (i * 100))).Number);
        }
        return ((await faults.LinkedAsync(children[^1])).Problem!, [.. children]);
    }

    [Fact]
    public async Task ResolvingAProblemWithItsChildrenResolvesTheOpenOnesThroughTheirOwnLifecycle()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var (problem, children) = await ProblemAsync(faults);
        await faults.Scenario.ApplyAsync(children[0], CaseAction.Start);
        await faults.StartAndResolveAsync(children[1]);
        var nobodyThere = new Scenario(fixture);
        var queued = await nobodyThere.OpenCaseAsync((await nobodyThere.CustomerAsync()).Id);
        var linked = await faults.Problems(problem).AddChildAsync(new AddChildRequest(queued.Number, "supervisor-1"));
        Assert.True(linked.IsSuccess, linked.Error?.Message);

        var resolved = await faults.StartAndResolveAsync(problem, resolveChildren: true);

        Assert.True(resolved.IsSuccess, resolved.Error?.Message);
        var expected = $"Resolved with problem {problem}: Fixed on site.";
        var read = await Task.WhenAll(children.Select(c => faults.Scenario.Case(c).GetAsync()));
        Assert.Equal(
            [(CaseStatus.Resolved, expected), (CaseStatus.Resolved, "Fixed on site."), (CaseStatus.Resolved, expected),
                (CaseStatus.Resolved, expected), (CaseStatus.Resolved, expected)],
            read.Select(c => (c!.Status, c.ResolutionSummary)));
        Assert.Equal(CaseStatus.New, (await nobodyThere.Case(queued.Number).GetAsync())!.Status);
        Assert.Equal(
            [(CaseEventKinds.Of(CaseAction.Start), "tech-1"), (CaseEventKinds.Of(CaseAction.Resolve), "tech-1")],
            (await faults.Scenario.HistoryAsync(children[2])).Where(e => e.Action != CaseEventKinds.SurveyIssued).TakeLast(2)
                .Select(e => (e.Action, e.Actor)));
        Assert.Contains(await faults.Scenario.HistoryAsync(problem), e => e.Action == CaseEventKinds.ChildrenResolved
            && e.Details == $"resolved: {children[0]}, {children[2]}, {children[3]}, {children[4]}; "
                + $"left open: {queued.Number} (not started); already ended: {children[1]}");
        Assert.Empty(await faults.Scenario.AssignedCasesAsync(faults.TechnicianId));
    }

    [Fact]
    public async Task ASupervisorLinksACaseToAProblemAndBothSidesShowItOnce()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var (problem, children) = await ProblemAsync(faults);
        var other = await faults.FaultAsync(900_000, faultCode: null);

        var linked = await faults.Problems(problem).AddChildAsync(new AddChildRequest(other.Number, "supervisor-1"));
        var again = await faults.Problems(problem).AddChildAsync(new AddChildRequest(other.Number, "supervisor-1"));

        Assert.Equal([.. children, other.Number], linked.Value!.Children.ToArray());
        Assert.True(again.Replayed);
        Assert.Equal(linked.Value.Version, again.Value!.Version);
        Assert.Equal(problem, (await faults.Scenario.Case(other.Number).GetAsync())!.Problem);
        Assert.Single(await faults.Scenario.HistoryAsync(other.Number), e => e.Action == CaseEventKinds.ProblemLinked
            && e.Details == $"child of problem {problem} (linked by supervisor-1)" && e.Actor == "supervisor-1");
        Assert.Single(await faults.Scenario.HistoryAsync(problem), e => e.Action == CaseEventKinds.ChildLinked
            && e.Details == $"{other.Number} (linked by supervisor-1)");
    }

    [Fact]
    public async Task LinksThatWouldMakeACycleOrGiveACaseASecondProblemAreConflicts()
    {
        var first = await FaultScenario.StartAsync(fixture);
        var second = await FaultScenario.StartAsync(fixture);
        var (upper, _) = await ProblemAsync(first);
        var (lower, lowerChildren) = await ProblemAsync(second);
        var nested = await first.Problems(upper).AddChildAsync(new AddChildRequest(lower, "supervisor-1"));
        Assert.True(nested.IsSuccess, nested.Error?.Message);

        var itself = await first.Problems(upper).AddChildAsync(new AddChildRequest(upper, "supervisor-1"));
        var cycle = await first.Problems(lower).AddChildAsync(new AddChildRequest(upper, "supervisor-1"));
        var secondProblem = await first.Problems(upper).AddChildAsync(new AddChildRequest(lowerChildren[0], "supervisor-1"));

        Assert.All(new[] { itself, cycle, secondProblem }, r => Assert.Equal((ErrorKind.Conflict, "caseNumber"), (r.Error?.Kind, r.Error?.Field)));
        Assert.Equal($"Case {upper} is a problem above {lower}: linking it as a child of {lower} would make a cycle.", cycle.Error!.Message);
        Assert.Equal($"Case {lowerChildren[0]} is already a child of problem {lower}.", secondProblem.Error!.Message);
        Assert.Null((await first.Scenario.Case(upper).GetAsync())!.Problem);
        Assert.Equal(upper, (await first.Scenario.Case(lower).GetAsync())!.Problem);
    }

    [Fact]
    public async Task OnlyAnOpenProblemTakesChildrenAndOnlyExistingCasesAreLinked()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var (problem, children) = await ProblemAsync(faults);
        var other = await faults.FaultAsync(900_000, faultCode: null);

        var notAProblem = await faults.Problems(children[0]).AddChildAsync(new AddChildRequest(other.Number, "supervisor-1"));
        var missing = await faults.Problems(problem).AddChildAsync(new AddChildRequest("AS-1999-000001", "supervisor-1"));
        await faults.StartAndResolveAsync(problem);
        var ended = await faults.Problems(problem).AddChildAsync(new AddChildRequest(other.Number, "supervisor-1"));

        Assert.Equal((ErrorKind.Conflict, null), (notAProblem.Error?.Kind, notAProblem.Error?.Field));
        Assert.Equal((ErrorKind.NotFound, "caseNumber"), (missing.Error?.Kind, missing.Error?.Field));
        Assert.Equal((ErrorKind.Conflict, null), (ended.Error?.Kind, ended.Error?.Field));
        Assert.Null((await faults.Scenario.Case(other.Number).GetAsync())!.Problem);
    }

    [Fact]
    public async Task AProblemIsListedWhileOpenAndAFaultInItsRangeAfterItEndsStartsANewCluster()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var (problem, _) = await ProblemAsync(faults);
        var listed = await AllOpenAsync();

        await faults.StartAndResolveAsync(problem);
        var later = await faults.FaultAsync(1050);
        var counting = await faults.CountingAsync(later.Number);

        var entry = Assert.Single(listed, p => p.Number == problem);
        Assert.Equal((5, faults.Serial(1000), faults.Serial(1400)), (entry.Children, entry.Scope!.LowestSerial, entry.Scope.HighestSerial));
        Assert.DoesNotContain(await AllOpenAsync(), p => p.Number == problem);
        Assert.Empty(counting.Problems);
        Assert.Null((await faults.Scenario.Case(later.Number).GetAsync())!.Problem);
    }

    private async Task<List<ProblemSummary>> AllOpenAsync()
    {
        var index = fixture.Grains.GetGrain<IProblemIndexGrain>(GrainKeys.OpenProblems);
        var all = new List<ProblemSummary>();
        string? after = null;
        while (true)
        {
            var page = await index.GetPageAsync(after, 2);
            all.AddRange(page.Problems);
            if (!page.HasMore)
            {
                return all;
            }
            after = page.Problems[^1].Number;
        }
    }
}
