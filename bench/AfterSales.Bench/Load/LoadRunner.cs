using System.Diagnostics;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Load;

/// <summary>Applies a <see cref="LoadPlan"/> to a scenario and measures it.</summary>
/// <remarks>Open loop: operation <c>i</c> is due at <c>start + i / rate</c> and its latency is measured from that
/// scheduled time, not from when it was actually sent, so a stalled server (or a late generator) shows up in the
/// percentiles instead of silently lowering the offered load (no coordinated omission). Closed loop: each worker
/// starts its next operation when the previous one ends; latency is then the service time at that concurrency.</remarks>
internal static class LoadRunner
{
    /// <summary>Runs one phase; with <paramref name="into"/> its results are added to an earlier phase's.</summary>
    public static async Task<RunStats> RunAsync(
        IScenario scenario, LoadPlan plan, SequenceSource sequence, CancellationToken abort, RunStats? into = null)
    {
        var stats = into ?? new RunStats(scenario.Steps);
        var start = Stopwatch.GetTimestamp();
        if (plan.Rate is { } rate)
        {
            await RunOpenLoopAsync(scenario, plan, rate, sequence, stats, start, abort);
        }
        else
        {
            await RunClosedLoopAsync(scenario, plan, sequence, stats, start, abort);
        }
        stats.Elapsed += Stopwatch.GetElapsedTime(start);
        return stats;
    }

    private static async Task RunClosedLoopAsync(
        IScenario scenario, LoadPlan plan, SequenceSource sequence, RunStats stats, long start, CancellationToken abort)
    {
        var recorder = new StepRecorder(stats);
        var stopAt = start + (long)(plan.Duration.TotalSeconds * Stopwatch.Frequency);
        long issued = 0;

        async Task WorkerAsync()
        {
            while (!abort.IsCancellationRequested
                && Stopwatch.GetTimestamp() < stopAt
                && Interlocked.Increment(ref issued) <= plan.MaxOperations)
            {
                await RunOneAsync(scenario, sequence.Next(), Stopwatch.GetTimestamp(), stats, recorder, abort);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)));
    }

    private static async Task RunOpenLoopAsync(
        IScenario scenario, LoadPlan plan, double rate, SequenceSource sequence, RunStats stats, long start, CancellationToken abort)
    {
        var recorder = new StepRecorder(stats);
        var interval = Stopwatch.Frequency / rate;
        var durationTicks = (long)(plan.Duration.TotalSeconds * Stopwatch.Frequency);
        using var slots = new SemaphoreSlim(plan.MaxInFlight, plan.MaxInFlight);
        var scheduledInWindow = Math.Min(plan.MaxOperations, (long)Math.Ceiling(durationTicks / interval));
        long dispatched = 0;
        try
        {
            var windowClosed = false;
            while (dispatched < scheduledInWindow && !windowClosed)
            {
                var elapsed = Stopwatch.GetTimestamp() - start;
                // Past the window's end every operation scheduled inside it is due, however late the generator woke.
                var due = elapsed >= durationTicks ? scheduledInWindow : Math.Min(scheduledInWindow, (long)(elapsed / interval) + 1);
                for (; dispatched < due; dispatched++)
                {
                    var scheduled = start + (long)(dispatched * interval);
                    if (!slots.Wait(0, CancellationToken.None))
                    {
                        // All slots busy: wait for one, but never past the window, so the run stays bounded in time.
                        var remaining = TimeSpan.FromSeconds((double)(start + durationTicks - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
                        if (remaining <= TimeSpan.Zero || !await slots.WaitAsync(remaining, abort))
                        {
                            windowClosed = true;
                            break;
                        }
                    }
                    stats.ObserveDispatchLag(LatencyHistogram.ToNanoseconds(Stopwatch.GetTimestamp() - scheduled));
                    var number = sequence.Next();
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await RunOneAsync(scenario, number, scheduled, stats, recorder, abort);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                }
                if (dispatched < scheduledInWindow && !windowClosed)
                {
                    var untilNext = start + (long)(dispatched * interval) - Stopwatch.GetTimestamp();
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(untilNext * 1000d / Stopwatch.Frequency, 1, 50)), abort);
                }
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
        }
        if (!abort.IsCancellationRequested && dispatched < scheduledInWindow)
        {
            // Offered but never sent: the target (or the generator) fell so far behind that the window closed
            // first. They count as failures, so a saturated target cannot look like it kept up.
            stats.Fail("not-sent", $"scheduled in the window but not sent before it closed ({plan.MaxInFlight} in flight at most)",
                scheduledInWindow - dispatched);
        }
        // Drain: every operation in flight holds a slot; each is bounded by its requests' timeouts.
        for (var i = 0; i < plan.MaxInFlight; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private static async Task RunOneAsync(
        IScenario scenario, long number, long startTimestamp, RunStats stats, StepRecorder recorder, CancellationToken abort)
    {
        try
        {
            var outcome = await scenario.ExecuteAsync(number, recorder, abort);
            if (outcome.Error is null)
            {
                stats.Succeed(startTimestamp, outcome.Tag);
            }
            else
            {
                stats.Fail(outcome.Error, outcome.Detail);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            stats.Abandon();
        }
        catch (Exception ex)
        {
            stats.Fail(ex.GetType().Name, ex.Message);
        }
    }
}
