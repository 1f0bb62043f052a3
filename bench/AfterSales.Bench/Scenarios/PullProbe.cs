using System.Diagnostics;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Stats;
using AfterSales.Cases;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// Times "a resolve pulls the next queued case": a technician at capacity starts and resolves one of its cases, and the
/// probe reads the technician until it holds a case it did not hold before. The API tells no one when that happens,
/// so the moment is bracketed by reads: after the send of the last read that did not show the new case (the lower
/// bound) and before the answer of the first that did (the upper bound, the one judged). Reads after the first are
/// conditional (the technician's ETag), so waiting costs the server a 304, not the technician's whole case list.
/// </summary>
/// <param name="pollInterval">Pause between two reads.</param>
/// <param name="timeout">How long one resolve may wait for its pull before it counts as not pulled.</param>
internal sealed class PullProbe(IBenchTarget target, TimeSpan pollInterval, TimeSpan timeout)
{
    private long _pulled;
    private long _polls;

    /// <summary>From the resolve's answer to the answer of the first read showing the new case.</summary>
    public LatencyHistogram Upper { get; } = new();

    /// <summary>From the resolve's answer to the send of the last read not showing it (0 when the first read did).</summary>
    public LatencyHistogram Lower { get; } = new();

    /// <summary>Time between the sends of two reads: the precision of the bounds.</summary>
    public LatencyHistogram PollGap { get; } = new();

    public LatencyHistogram Start { get; } = new();

    public LatencyHistogram Resolve { get; } = new();

    public ErrorTally Errors { get; } = new();

    public long Pulled => Interlocked.Read(ref _pulled);

    public long Failed => Errors.Total;

    public double PollsPerPull => Pulled == 0 ? 0 : Interlocked.Read(ref _polls) / (double)Pulled;

    /// <summary>Runs <paramref name="resolves"/> resolves on <paramref name="workers"/> workers, each on technicians of its
    /// own (a technician's next resolve waits for its previous pull).</summary>
    public Task RunAsync(IReadOnlyList<string> technicians, int resolves, int workers, CancellationToken cancellationToken)
    {
        workers = Math.Clamp(workers, 1, Math.Max(1, technicians.Count));
        return Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkerAsync(
            [.. technicians.Where((_, i) => i % workers == w)],
            resolves / workers + (w < resolves % workers ? 1 : 0),
            cancellationToken)));
    }

    private async Task WorkerAsync(IReadOnlyList<string> technicians, int resolves, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < resolves && technicians.Count > 0 && !cancellationToken.IsCancellationRequested; i++)
        {
            var technician = technicians[i % technicians.Count];
            if (!held.TryGetValue(technician, out var cases))
            {
                var first = await target.GetTechnicianAsync(technician, knownVersion: null, cancellationToken);
                if (first.Value is not { } view)
                {
                    Errors.Add(first.Error ?? "bad-response", first.Detail);
                    continue;
                }
                held[technician] = cases = new HashSet<string>(view.CaseNumbers, StringComparer.Ordinal);
            }
            if (cases.FirstOrDefault() is not { } number)
            {
                Errors.Add("nothing-held", $"technician {technician} holds no case to resolve");
                continue;
            }
            if (!await TimedAsync(Start, "start", () => target.ApplyAsync(number, CaseAction.Start, summary: null, cancellationToken))
                || !await TimedAsync(Resolve, "resolve", () => target.ApplyAsync(number, CaseAction.Resolve, "Replaced the pump seal.", cancellationToken)))
            {
                // Whatever happened, this case is no longer a clean one to resolve.
                cases.Remove(number);
                continue;
            }
            var resolvedAt = Stopwatch.GetTimestamp();
            cases.Remove(number);
            await WaitForNextCaseAsync(technician, cases, resolvedAt, cancellationToken);
        }
    }

    private async Task<bool> TimedAsync(LatencyHistogram latency, string step, Func<Task<CallResult>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        if (!result.IsSuccess)
        {
            Errors.Add($"{step}: {result.Error}", result.Detail);
            return false;
        }
        latency.RecordSince(started);
        return true;
    }

    private async Task WaitForNextCaseAsync(string technician, HashSet<string> cases, long resolvedAt, CancellationToken cancellationToken)
    {
        int? knownVersion = null;
        long? lastMiss = null;
        long? previousSend = null;
        while (true)
        {
            var sentAt = Stopwatch.GetTimestamp();
            if (previousSend is { } previous)
            {
                PollGap.Record(LatencyHistogram.ToNanoseconds(sentAt - previous));
            }
            previousSend = sentAt;
            Interlocked.Increment(ref _polls);
            var read = await target.GetTechnicianAsync(technician, knownVersion, cancellationToken);
            var answeredAt = Stopwatch.GetTimestamp();
            if (!read.IsSuccess)
            {
                Errors.Add($"read technician: {read.Error}", read.Detail);
                return;
            }
            if (read.Value is { } view)
            {
                knownVersion = view.Version;
                if (view.CaseNumbers.Any(n => !cases.Contains(n)))
                {
                    Upper.Record(LatencyHistogram.ToNanoseconds(answeredAt - resolvedAt));
                    Lower.Record(lastMiss is { } miss ? LatencyHistogram.ToNanoseconds(miss - resolvedAt) : 0);
                    cases.Clear();
                    cases.UnionWith(view.CaseNumbers);
                    Interlocked.Increment(ref _pulled);
                    return;
                }
            }
            lastMiss = sentAt;
            if (Stopwatch.GetElapsedTime(resolvedAt) > timeout)
            {
                Errors.Add("not-pulled", $"technician {technician} held no new case {timeout.TotalSeconds:0} s after the resolve");
                return;
            }
            if (pollInterval > TimeSpan.Zero)
            {
                await Task.Delay(pollInterval, cancellationToken);
            }
        }
    }
}
