namespace AfterSales.Bench.Stats;

/// <summary>
/// Latency and throughput of operations that each leave a queue one case longer, per window of queue length (e.g. the
/// 1st to the 1,000th queued case, the 1,001st to the 2,000th…), so the cost per case can be read against how much
/// already waits. An operation's place is the order in which it completed. Thread-safe.
/// </summary>
/// <param name="windowSize">Cases per window.</param>
/// <param name="startTimestamp">When the phase started (a <see cref="System.Diagnostics.Stopwatch"/> timestamp): the first
/// window's rate is counted from it.</param>
internal sealed class QueueWindows(int windowSize, long startTimestamp)
{
    private readonly Lock _gate = new();
    private readonly List<Window> _windows = [];
    private long _completed;

    public int WindowSize => windowSize;

    /// <summary>Cases recorded so far.</summary>
    public long Count => Interlocked.Read(ref _completed);

    /// <summary>Records one case that completed at <paramref name="completedAt"/> (a Stopwatch timestamp) after
    /// <paramref name="latencyNs"/>; returns its place in the queue (1-based).</summary>
    public long Record(long latencyNs, long completedAt)
    {
        var place = Interlocked.Increment(ref _completed);
        var window = WindowAt((int)((place - 1) / windowSize));
        window.Latency.Record(latencyNs);
        window.Completed(completedAt);
        return place;
    }

    /// <summary>Every window with at least one case, in queue order.</summary>
    public IReadOnlyList<WindowStats> Summarize()
    {
        Window[] windows;
        lock (_gate)
        {
            windows = [.. _windows];
        }
        var result = new List<WindowStats>(windows.Length);
        var previousEnd = startTimestamp;
        for (var i = 0; i < windows.Length; i++)
        {
            var window = windows[i];
            var count = window.Latency.Count;
            if (count == 0)
            {
                break;
            }
            var end = window.LastCompletion;
            var seconds = Math.Max(LatencyHistogram.ToNanoseconds(end - previousEnd), 1) / 1e9;
            result.Add(new WindowStats(
                From: (long)i * windowSize + 1,
                To: (long)i * windowSize + count,
                Count: count,
                PerSecond: count / seconds,
                P50Ns: window.Latency.ValueAtPercentile(50),
                P99Ns: window.Latency.ValueAtPercentile(99),
                Full: count == windowSize));
            previousEnd = end;
        }
        return result;
    }

    private Window WindowAt(int index)
    {
        lock (_gate)
        {
            while (_windows.Count <= index)
            {
                _windows.Add(new Window());
            }
            return _windows[index];
        }
    }

    private sealed class Window
    {
        private long _lastCompletion;

        public LatencyHistogram Latency { get; } = new();

        public long LastCompletion => Interlocked.Read(ref _lastCompletion);

        public void Completed(long at) => AtomicExtreme.Raise(ref _lastCompletion, at);
    }
}

/// <summary>One window of queue length: the cases that were the <see cref="From"/>-th to <see cref="To"/>-th in the
/// queue, how fast they arrived and how long each creation took.</summary>
/// <param name="PerSecond">Cases per second: the window's cases over the time from the previous window's last
/// completion (or the phase's start) to its own last.</param>
/// <param name="Full">True when the window holds its whole size (the last one of a run may not).</param>
internal sealed record WindowStats(long From, long To, long Count, double PerSecond, long P50Ns, long P99Ns, bool Full);
