using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class ResultsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-results-test-").FullName;

    [Fact]
    public async Task EachRunAddsOneSummaryRowInOrderAndOneSectionAtTheEnd()
    {
        var path = Path.Combine(_folder, "RESULTS.md");

        await ResultsFile.AppendAsync(path, Report("first", new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await ResultsFile.AppendAsync(path, Report("second", new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.Equal(1, Count(text, "# Benchmark results"));
        Assert.Equal(1, Count(text, "| date (UTC) |"));
        var firstRow = text.IndexOf("| 2026-01-01 10:00 |", StringComparison.Ordinal);
        var secondRow = text.IndexOf("| 2026-01-02 10:00 |", StringComparison.Ordinal);
        var runs = text.IndexOf("## Runs", StringComparison.Ordinal);
        Assert.True(firstRow > 0 && firstRow < secondRow && secondRow < runs, text);
        Assert.True(text.IndexOf("Note**: first", StringComparison.Ordinal) < text.IndexOf("Note**: second", StringComparison.Ordinal));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedTargetIsMarkedInTheSummaryRow()
    {
        var report = Report("x", DateTimeOffset.UnixEpoch) with { Checks = [new TargetCheck("n", "t", "m", Met: false)] };

        Assert.Contains("n: **missed**", MarkdownReport.SummaryRow(report), StringComparison.Ordinal);
        Assert.Contains("| t | m | **no** |", MarkdownReport.Section(report), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RunReport Report(string note, DateTimeOffset at)
    {
        var stats = new RunStats(["create case"]) { Elapsed = TimeSpan.FromSeconds(1) };
        stats.Succeed(System.Diagnostics.Stopwatch.GetTimestamp(), "assigned");
        return new RunReport(new BenchOptions { Note = note }, "dotnet run …", at,
            new MachineInfo("cpu", 2, "1 GiB", "os", ".NET"), "0.1", "0.2", "target", "intake", "closed loop, 1 in flight",
            [], new CpuUse(0.5, null), stats, null, null, ScenarioFindings.None, []);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
