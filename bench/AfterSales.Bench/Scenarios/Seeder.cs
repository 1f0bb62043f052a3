using System.Diagnostics;
using System.Globalization;
using AfterSales.Bench.Drivers;

namespace AfterSales.Bench.Scenarios;

/// <summary>Creates seed data with bounded parallelism and stops at the first refusal: numbers measured on
/// top of a half-seeded population would mean nothing.</summary>
internal static class Seeder
{
    private const int Parallelism = 32;

    /// <summary>Runs <paramref name="create"/> for every item; returns a progress line.</summary>
    public static async Task<string> SeedAsync<T>(
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
            throw new BenchException($"Seeding {what} failed: {failure.Error} {failure.Detail}");
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var rate = items.Count / Math.Max(elapsed.TotalSeconds, 1e-6);
        return string.Create(CultureInfo.InvariantCulture, $"seeded {items.Count:N0} {what} in {elapsed.TotalSeconds:0.0} s ({rate:N0}/s)");
    }
}
