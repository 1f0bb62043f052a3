using System.Diagnostics;
using AfterSales.Silo.Storage;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Storage;

/// <summary>Durable grain-state writes/s and latency through the silo's <see cref="IGrainStorage"/> (no grain calls,
/// no HTTP): N concurrent writers, each cycling over its own 32 grains (first writes, then ETag-checked updates of a
/// ~450-byte state), for a fixed time.</summary>
internal static class ThroughputRun
{
    public static async Task RunAsync(TimeSpan duration, int[] writerCounts, StorageTarget[] targets, SqliteSynchronousMode[] modes)
    {
        Console.WriteLine("| storage | synchronous | writers | writes | writes/s | p50 ms | p99 ms | max ms | conflicts |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var target in targets)
        {
            // synchronous is a SQLite setting; PostgreSQL runs once with its server's own durability settings.
            foreach (var mode in target == StorageTarget.Sqlite ? modes : modes.Take(1))
            {
                foreach (var writers in writerCounts)
                {
                    await using var host = await BenchHost.StartAsync(target, mode);
                    var (latencies, conflicts) = await MeasureAsync(host.Storage, writers, duration);
                    var synchronous = target == StorageTarget.Sqlite ? mode.ToString() : "server";
                    Console.WriteLine($"| {target} | {synchronous} | {writers} | {latencies.Count} | {latencies.PerSecond} | {latencies.Percentile(0.50)} | {latencies.Percentile(0.99)} | {latencies.Max} | {conflicts} |");
                }
            }
        }
    }

    private static async Task<(Latencies, int)> MeasureAsync(IGrainStorage storage, int writers, TimeSpan duration)
    {
        var latencies = new List<double>[writers];
        var conflicts = 0;
        var description = new string('d', 400);
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var own = new List<double>(100_000);
            latencies[w] = own;
            var grains = Enumerable.Range(0, 32)
                .Select(g => (Id: GrainId.Create("bench", $"w{w}-g{g}"), State: new GrainState<BenchState>(new BenchState { Subject = $"case {w}/{g}", Description = description })))
                .ToArray();
            for (var i = 0; stop.Elapsed < duration; i++)
            {
                var (id, state) = grains[i % grains.Length];
                state.State!.Revision++;
                state.State.ChangedAt = DateTimeOffset.UtcNow;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await storage.WriteStateAsync("bench", id, state);
                    own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (InconsistentStateException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));
        return (new Latencies(latencies.SelectMany(l => l), stop.Elapsed), conflicts);
    }
}
