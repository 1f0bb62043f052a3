using System.Diagnostics;
using System.Globalization;
using AfterSales.Bench.Drivers;

namespace AfterSales.Bench.Scenarios;

/// <summary>Runs one call per item (seeding, reading back) with bounded parallelism and stops at the first
/// refusal: numbers measured on a half-seeded population, or checks over half the technicians, mean nothing.</summary>
internal static class Batch
{
    private const int Parallelism = 32;

    /// <summary>Runs <paramref name="create"/> for every item; returns a progress line such as
    /// <c>1,000 customers seeded in 1.2 s (830/s)</c>.</summary>
    public static async Task<string> RunAsync<T>(
        string what, IReadOnlyList<T> items, Func<T, CancellationToken, Task<CallResult>> create, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CallResult? firstFailure = null;
        var gate = new Lock();
        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = failed.Token },
                async (item, ct) =>
                {
                    CallResult result;
                    try
                    {
                        result = await create(item, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        result = CallResult.Fail(ex.GetType().Name, ex.Message);
                    }
                    if (!result.IsSuccess)
                    {
                        lock (gate)
                        {
                            firstFailure ??= result;
                        }
                        await failed.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (firstFailure is not null && !cancellationToken.IsCancellationRequested)
        {
        }
        if (firstFailure is { } failure)
        {
            throw new BenchException($"Setup failed ({what}): {failure.Error} {failure.Detail}");
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var rate = items.Count / Math.Max(elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture, $"{items.Count:N0} {what} in {elapsed.TotalSeconds:0.0} s ({rate:N0}/s)");
    }
}
