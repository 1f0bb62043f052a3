using System.Diagnostics;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Tests;

public sealed class QueueWindowsTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void CasesFallIntoWindowsByTheOrderTheyCompletedIn()
    {
        var windows = new QueueWindows(windowSize: 3, startTimestamp: 0);

        for (var i = 1; i <= 7; i++)
        {
            windows.Record(latencyNs: i * 1_000_000, completedAt: i * Second);
        }

        var summary = windows.Summarize();
        Assert.Equal([(1L, 3L, true), (4L, 6L, true), (7L, 7L, false)], summary.Select(w => (w.From, w.To, w.Full)));
        Assert.Equal(7, windows.Count);
        // The second window holds 4, 5 and 6 ms: its p99 is the slowest of them.
        Assert.InRange(summary[1].P99Ns, 6_000_000, 6_000_000 * 1.008);
    }

    [Fact]
    public void AWindowsRateRunsFromThePreviousWindowsLastCompletion()
    {
        var windows = new QueueWindows(windowSize: 2, startTimestamp: 0);

        // First window: two cases done by 1 s (2/s); second: two more done by 5 s, 4 s after the first (0.5/s).
        windows.Record(1, Second / 2);
        windows.Record(1, Second);
        windows.Record(1, 3 * Second);
        windows.Record(1, 5 * Second);

        var summary = windows.Summarize();
        Assert.Equal(2.0, summary[0].PerSecond, precision: 9);
        Assert.Equal(0.5, summary[1].PerSecond, precision: 9);
    }

    [Fact]
    public void ConcurrentRecordsAreAllCounted()
    {
        var windows = new QueueWindows(windowSize: 100, startTimestamp: Stopwatch.GetTimestamp());

        Parallel.For(0, 10_000, i => windows.Record(i, Stopwatch.GetTimestamp()));

        var summary = windows.Summarize();
        Assert.Equal(100, summary.Count);
        Assert.All(summary, w => Assert.Equal(100, w.Count));
    }
}
