using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class ResultsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-results-test-").FullName;

    [Fact]
    public async Task EachRunAddsOneLineToTheLogInOrder()
    {
        var path = Path.Combine(_folder, "RESULTS.md");

        await ResultsFile.AppendAsync(path, Report("first", At(1)), CancellationToken.None);
        await ResultsFile.AppendAsync(path, Report("second", At(2)), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "results", "runs.jsonl"));
        Assert.Equal(2, lines.Length);
        var runs = await RunLog.ReadAsync(ResultsFile.LogPathFor(path), CancellationToken.None);
        Assert.Equal(["first", "second"], runs.Select(r => r.Note));
        // No byte-order mark: line tools read the log, people read the results file.
        Assert.Equal((byte)'{', (await File.ReadAllBytesAsync(ResultsFile.LogPathFor(path)))[0]);
        Assert.Equal((byte)'#', (await File.ReadAllBytesAsync(path))[0]);
    }

    [Fact]
    public async Task ALoggedRunKeepsItsKeyNumbersCeilingLoadAverageAndChecks()
    {
        var path = Path.Combine(_folder, "RESULTS.md");
        var ceiling = new RunStats(["GET /ping"]) { Elapsed = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 40; i++)
        {
            ceiling.CountRequest();
            ceiling.Succeed(System.Diagnostics.Stopwatch.GetTimestamp(), tag: null);
        }
        var report = Report("n", At(1)) with
        {
            Ceiling = ceiling,
            Checks = [TargetCatalogue.IntakeThroughput.Check("900/s", met: false)],
            Findings = new ScenarioFindings(["a finding"], []) { Metrics = new Dictionary<string, double> { ["peak.pull.p99Ms"] = 42.5 } },
        };

        await ResultsFile.AppendAsync(path, report, CancellationToken.None);

        var run = Assert.Single(await RunLog.ReadAsync(ResultsFile.LogPathFor(path), CancellationToken.None));
        Assert.Equal((0.1, 0.2, 40d, 1L), (run.LoadAverageBefore, run.LoadAverageAfter, run.CeilingRequestsPerSecond, run.Ok));
        Assert.Equal("dotnet run … -- --scenario intake", run.Command);
        Assert.Equal(42.5, run.Metrics!["peak.pull.p99Ms"]);
        Assert.Equal(("intake-rate", false), (run.Checks[0].Id, run.Checks[0].Met));
        Assert.Equal(["a finding"], run.Findings);
    }

    [Fact]
    public async Task TheStatusTableIsRebuiltBetweenItsMarkersAndTheTextAroundItStays()
    {
        var path = Path.Combine(_folder, "RESULTS.md");
        await File.WriteAllTextAsync(path, $"# Benchmark results\n\nintro\n\n{ResultsFile.StatusBegin}\nold table\n{ResultsFile.StatusEnd}\n\n## Analysis\n\nkept\n");

        await ResultsFile.AppendAsync(path, Report("x", At(1)) with { Checks = [TargetCatalogue.IntakeThroughput.Check("1,600/s", met: true)] },
            CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("old table", text, StringComparison.Ordinal);
        Assert.Contains("| 1,600/s | yes |", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("intro", StringComparison.Ordinal) < text.IndexOf(ResultsFile.StatusBegin, StringComparison.Ordinal));
        Assert.EndsWith("## Analysis\n\nkept\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMarkersTheStatusGoesRightAfterTheTitle()
    {
        var text = ResultsFile.WithStatus("# Results\nbody\n", "| t |\n");

        Assert.Equal($"# Results\n\n{ResultsFile.StatusBegin}\n| t |\n{ResultsFile.StatusEnd}\nbody\n", text);
    }

    [Fact]
    public void AFailedTargetIsMarkedInTheSection()
    {
        var report = Report("x", DateTimeOffset.UnixEpoch) with { Checks = [new TargetCheck("id", "n", "t", "m", Met: false)] };

        Assert.Contains("| t | m | **no** |", MarkdownReport.Section(report), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static DateTimeOffset At(int day) => new(2026, 1, day, 10, 0, 0, TimeSpan.Zero);

    internal static RunReport Report(string note, DateTimeOffset at)
    {
        var stats = new RunStats(["create case"]) { Elapsed = TimeSpan.FromSeconds(1) };
        stats.CountRequest();
        stats.Succeed(System.Diagnostics.Stopwatch.GetTimestamp(), "assigned");
        return new RunReport(new BenchOptions { Note = note }, "dotnet run … -- --scenario intake", at,
            new MachineInfo("cpu", 2, "1 GiB", "os", ".NET"), "0.1", "0.2", "target", "intake", "closed loop, 1 in flight",
            [], new CpuUse(0.5, null), stats, null, null, ScenarioFindings.None, []);
    }
}
