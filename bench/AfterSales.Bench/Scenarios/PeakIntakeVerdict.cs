using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// Whether intake kept its empty-queue cost as the queue grew: the first window of queue length (the baseline) against
/// the last full one (the longest queue reached), by rate (cases/s, lower is worse) and by p99. The target is met only
/// when the queue reached its target length and both ratios stay within the limit. The worst full window is reported
/// too, so a bump in the middle is not hidden by a good end.
/// </summary>
internal sealed record PeakIntakeVerdict(
    WindowStats? Baseline, WindowStats? AtLongest, WindowStats? Worst, long Queued, long QueueTarget, double Limit)
{
    /// <summary>How many times slower intake was at the longest queue than at the empty one (baseline rate over its rate).</summary>
    public double RateRatio => Baseline is { } b && AtLongest is { } l ? LatencyRatio.Ratio(b.PerSecond, l.PerSecond) : double.PositiveInfinity;

    /// <summary>The longest queue's p99 over the empty queue's.</summary>
    public double P99Ratio => Baseline is { } b && AtLongest is { } l ? LatencyRatio.Ratio(l.P99Ns, b.P99Ns) : double.PositiveInfinity;

    public bool ReachedTarget => Queued >= QueueTarget;

    public bool Met => ReachedTarget && RateRatio <= Limit && P99Ratio <= Limit;

    public static PeakIntakeVerdict Evaluate(IReadOnlyList<WindowStats> windows, long queueTarget, double limit)
    {
        var full = windows.Where(w => w.Full).ToList();
        var baseline = full.Count > 0 && full[0].From == 1 ? full[0] : null;
        var longest = full.Count > 1 ? full[^1] : null;
        WindowStats? worst = null;
        var worstRatio = 0d;
        foreach (var window in full.Skip(1))
        {
            var ratio = Math.Max(LatencyRatio.Ratio(baseline?.PerSecond ?? 0, window.PerSecond), LatencyRatio.Ratio(window.P99Ns, baseline?.P99Ns ?? 0));
            if (worst is null || ratio > worstRatio)
            {
                (worst, worstRatio) = (window, ratio);
            }
        }
        return new PeakIntakeVerdict(baseline, longest, worst, windows.Sum(w => w.Count), queueTarget, limit);
    }

    /// <summary>The windows worth showing: the first, those starting at the given queue lengths, the worst and the last
    /// full one, in queue order and each once.</summary>
    public static IReadOnlyList<WindowStats> Highlights(IReadOnlyList<WindowStats> windows, IEnumerable<long> startingAt, WindowStats? worst)
    {
        var wanted = new HashSet<long>(startingAt.Select(at => at + 1)) { 1 };
        var last = windows.LastOrDefault(w => w.Full);
        return [.. windows.Where(w => wanted.Contains(w.From) || w == worst || w == last)];
    }
}
