using System.Diagnostics;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Load;

/// <summary>Handed to a scenario's operation to time each request it makes (from its actual send).</summary>
internal sealed class StepRecorder(RunStats stats)
{
    /// <summary>Runs one request of step <paramref name="step"/> (index into the scenario's step names) and records it.</summary>
    public async Task<CallResult<T>> TimeAsync<T>(int step, Func<Task<CallResult<T>>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        Record(step, start, result.IsSuccess);
        return result;
    }

    /// <inheritdoc cref="TimeAsync{T}(int, Func{Task{CallResult{T}}})"/>
    public async Task<CallResult> TimeAsync(int step, Func<Task<CallResult>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        Record(step, start, result.IsSuccess);
        return result;
    }

    private void Record(int step, long start, bool succeeded)
    {
        stats.CountRequest();
        if (succeeded)
        {
            stats.Steps[step].RecordSince(start);
        }
    }
}
