using AfterSales.Bench.Load;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

/// <summary>Timing-based: run alone, so other tests do not steal the two cores these measure on.</summary>
[CollectionDefinition(nameof(LoadRunnerTests), DisableParallelization = true)]
public sealed class LoadRunnerCollection;

[Collection(nameof(LoadRunnerTests))]
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task OpenLoopLatencyCountsTheTimeAnOperationWaitedBehindASlowServer()
    {
        // One operation in flight, each taking 100 ms, offered at 100/s: the server can do 10/s, so later
        // operations start far behind their schedule. Measured from the schedule their latency must grow;
        // the request itself (measured from its actual send) stays near 100 ms, and what could not be sent
        // before the window closed is counted as failed, not dropped (draining that backlog would take 9 s).
        var scenario = new DelayScenario(TimeSpan.FromMilliseconds(100));
        var plan = new LoadPlan(Rate: 100, Concurrency: 1, MaxInFlight: 1, Duration: TimeSpan.FromSeconds(1), MaxOperations: 1_000);

        var stats = await LoadRunner.RunAsync(scenario, plan, new SequenceSource(), CancellationToken.None);

        Assert.InRange(stats.Succeeded, 2, 12);
        var notSent = Assert.Single(stats.Errors.Snapshot());
        Assert.Equal("not-sent", notSent.Key);
        Assert.Equal(100, stats.Succeeded + notSent.Count);
        Assert.True(stats.Elapsed < TimeSpan.FromSeconds(4), $"the run took {stats.Elapsed}");
        Assert.True(stats.Operations.ValueAtPercentile(99) >= 500_000_000, $"p99 from schedule was {stats.Operations.ValueAtPercentile(99) / 1e6} ms");
        Assert.True(stats.Steps[0].ValueAtPercentile(50) < 400_000_000, $"p50 from send was {stats.Steps[0].ValueAtPercentile(50) / 1e6} ms");
        Assert.True(stats.MaxDispatchLag >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task OpenLoopSendsExactlyRateTimesDurationWhenTheServerKeepsUp()
    {
        var scenario = new DelayScenario(TimeSpan.Zero);
        var plan = new LoadPlan(Rate: 200, Concurrency: 1, MaxInFlight: 100, Duration: TimeSpan.FromSeconds(0.5), MaxOperations: 1_000);

        var stats = await LoadRunner.RunAsync(scenario, plan, new SequenceSource(), CancellationToken.None);

        Assert.Equal((100L, 0L), (stats.Succeeded, stats.Failed));
    }

    [Fact]
    public async Task ClosedLoopStopsAtTheOperationCap()
    {
        var scenario = new DelayScenario(TimeSpan.Zero);
        var plan = new LoadPlan(Rate: null, Concurrency: 4, MaxInFlight: 4, Duration: TimeSpan.FromSeconds(30), MaxOperations: 100);

        var stats = await LoadRunner.RunAsync(scenario, plan, new SequenceSource(), CancellationToken.None);

        Assert.Equal(100, stats.Succeeded);
        Assert.Equal(100, stats.Requests);
        Assert.True(stats.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task FailuresAreCountedByKeyAndKeptOutOfTheLatencies()
    {
        var scenario = new DelayScenario(TimeSpan.Zero, failEvery: 2);
        var plan = new LoadPlan(Rate: null, Concurrency: 1, MaxInFlight: 1, Duration: TimeSpan.FromSeconds(30), MaxOperations: 10);

        var stats = await LoadRunner.RunAsync(scenario, plan, new SequenceSource(), CancellationToken.None);

        Assert.Equal(5, stats.Succeeded);
        Assert.Equal(5, stats.Failed);
        Assert.Equal(5, stats.Operations.Count);
        var error = Assert.Single(stats.Errors.Snapshot());
        Assert.Equal(("503", 5L, "busy"), (error.Key, error.Count, error.FirstDetail));
    }

    private sealed class DelayScenario(TimeSpan delay, int failEvery = 0) : IScenario
    {
        public string Name => "delay";

        public IReadOnlyList<string> Steps { get; } = ["wait"];

        public Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
        {
            var result = await steps.TimeAsync(0, async () =>
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }
                return failEvery > 0 && sequence % failEvery == 1 ? Drivers.CallResult.Fail("503", "busy") : Drivers.CallResult.Ok;
            });
            return result.IsSuccess ? OperationOutcome.Success() : OperationOutcome.Failure(result.Error!, result.Detail);
        }

        public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
    }
}
