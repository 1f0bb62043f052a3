using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Problems;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Problem detection with its default options: five faults within seven days whose serial numbers are less than
/// a thousand apart.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProblemDetectionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FiveFaultsInOneRangeOpenAProblemForTechnicalSupportWithThemAsChildrenLinkedBothWays()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var opened = new List<CaseSnapshot>();
        foreach (var serial in new[] { 1000, 1999, 1500, 1250, 1750 })
        {
            opened.Add(await faults.FaultAsync(serial));
        }

        var children = await Task.WhenAll(opened.Select(c => faults.LinkedAsync(c.Number)));
        var problemNumber = children[0].Problem!;
        var problem = (await faults.Scenario.Case(problemNumber).GetAsync())!;

        Assert.All(children, child => Assert.Equal(problemNumber, child.Problem));
        Assert.Equal(opened.Select(c => c.Number).Order(), problem.Children.Order());
        Assert.Equal((CaseType.Problem, Department.TechnicalSupport, faults.Scenario.Region), (problem.Type, problem.Department, problem.Region));
        Assert.Equal(CaseStatus.Assigned, problem.Status);
        Assert.Equal(new ProblemScope(faults.Model, "E42", faults.Serial(1000), faults.Serial(1999), 5, TimeSpan.FromDays(7)), problem.Scope);
        Assert.Equal($"{faults.Model} E42 on serials {faults.Serial(1000)} to {faults.Serial(1999)}", problem.Subject);
        Assert.Equal(["E42-1", "E42-2"], problem.KnownSolutions.Select(s => s.Id));
        var problemHistory = await faults.Scenario.HistoryAsync(problemNumber);
        Assert.Equal(opened.Select(c => c.Number).Order(),
            problemHistory.Where(e => e.Action == CaseEventKinds.ChildLinked).Select(e => e.Details!.Split(' ')[0]).Order());
        foreach (var child in opened)
        {
            Assert.Contains(await faults.Scenario.HistoryAsync(child.Number), e => e.Action == CaseEventKinds.ProblemLinked
                && e.Details == $"child of problem {problemNumber} (detected in the problem's serial range)" && e.Actor == FaultClusterGrain.Actor);
        }
        var detection = await faults.Detection.GetAsync();
        Assert.Empty(detection.Faults);
        Assert.Equal([new DetectedProblem(problemNumber, faults.Serial(1000), faults.Serial(1999), 5, true)], detection.Problems.ToArray());
    }

    [Fact]
    public async Task FaultsCrossingTheThresholdTogetherOpenOneProblemNotTwo()
    {
        var faults = await FaultScenario.StartAsync(fixture);

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => faults.FaultAsync(3000 + (i * 10))));
        var children = await Task.WhenAll(opened.Select(c => faults.LinkedAsync(c.Number)));

        var problems = children.Select(c => c.Problem).Distinct().ToArray();
        Assert.Single(problems);
        var detection = await faults.Detection.GetAsync();
        Assert.Equal(problems, detection.Problems.Select(p => p.Number));
        Assert.Equal(8, detection.Problems[0].Faults);
        var problem = (await faults.Scenario.Case(problems[0]!).GetAsync())!;
        Assert.Equal(opened.Select(c => c.Number).Order(), problem.Children.Order());
    }

    [Fact]
    public async Task FaultsOlderThanTheWindowDoNotCount()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var old = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            old.Add((await faults.FaultAsync(2000 + i)).Number);
        }
        await faults.CountingAsync([.. old]);

        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var recent = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            recent.Add((await faults.FaultAsync(2010 + i)).Number);
        }
        var counting = await faults.CountingAsync([.. recent]);
        var fifth = await faults.FaultAsync(2020);
        var child = await faults.LinkedAsync(fifth.Number);
        var problem = (await faults.Scenario.Case(child.Problem!).GetAsync())!;

        Assert.Empty(counting.Problems);
        Assert.Equal([.. recent, fifth.Number], problem.Children.Order());
        Assert.All(await Task.WhenAll(old.Select(n => faults.Scenario.Case(n).GetAsync())), c => Assert.Null(c!.Problem));
    }

    [Fact]
    public async Task ALaterFaultInTheRangeJoinsTheOpenProblemAndOneBeyondItCountsAgain()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var first = new List<CaseSnapshot>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await faults.FaultAsync(4100 + (i * 100)));
        }
        var problemNumber = (await faults.LinkedAsync(first[^1].Number)).Problem!;

        var inRange = await faults.FaultAsync(4950);
        var beyond = await faults.FaultAsync(5200);
        var joined = await faults.LinkedAsync(inRange.Number);
        await faults.CountingAsync(beyond.Number);
        var problem = (await faults.Scenario.Case(problemNumber).GetAsync())!;

        Assert.Equal(problemNumber, joined.Problem);
        Assert.Equal([.. first.Select(c => c.Number), inRange.Number], problem.Children.ToArray());
        Assert.Equal((faults.Serial(4100), faults.Serial(4950), 6), (problem.Scope!.LowestSerial, problem.Scope.HighestSerial, problem.Scope.Faults));
        Assert.Null((await faults.Scenario.Case(beyond.Number).GetAsync())!.Problem);
    }

    [Fact]
    public async Task AProblemWhoseOpeningWasCutOffIsFinishedByTheNextFaultNotOpenedAgain()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var cluster = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            cluster.Add((await faults.FaultAsync(8100 + i)).Number);
        }
        await faults.CountingAsync([.. cluster]);
        // The first child's attach is its next write: it fails, so opening the problem stops after the problem's own write.
        fixture.Faults.FailNextWrite(faults.Scenario.Case(cluster[0]).GetGrainId());

        cluster.Add((await faults.FaultAsync(8104)).Number);
        // Detection handled the fault before FaultAsync returned (the scenario waits for it).
        var cutOff = await faults.Detection.GetAsync();
        Assert.Single(cutOff.Problems);
        var unlinked = await faults.Scenario.Case(cluster[0]).GetAsync();
        var later = await faults.FaultAsync(9500);
        var counting = await faults.CountingAsync(later.Number);
        var problem = await faults.Scenario.Case(cutOff.Problems[0].Number).GetAsync();

        Assert.False(cutOff.Problems[0].Opened);
        Assert.Null(unlinked!.Problem);
        Assert.Equal([new DetectedProblem(cutOff.Problems[0].Number, faults.Serial(8100), faults.Serial(8104), 5, true)], counting.Problems.ToArray());
        Assert.Equal(cluster.Order(), problem!.Children.Order());
        Assert.Equal(cutOff.Problems[0].Number, (await faults.Scenario.Case(cluster[0]).GetAsync())!.Problem);
    }

    [Fact]
    public async Task FaultsOfAnotherSeriesDoNotShareARange()
    {
        var faults = await FaultScenario.StartAsync(fixture);
        var sameSeries = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            sameSeries.Add((await faults.FaultAsync(6000 + i)).Number);
        }
        var otherSeries = $"{Scenario.NewId("S")}-006004";
        var registered = await fixture.Grains.GetGrain<IDeviceGrain>(otherSeries)
            .RegisterAsync(new RegisterDeviceRequest(faults.Model, faults.CustomerId, null, null, null));
        Assert.True(registered.IsSuccess, registered.Error?.Message);

        var other = await faults.TryOpenAsync(CaseType.Fault, otherSeries, "E42");
        var counting = await faults.CountingAsync([.. sameSeries, other.Value!.Number]);

        Assert.Empty(counting.Problems);
    }
}
