using System.Diagnostics;
using System.Globalization;
using AfterSales;
using AfterSales.Bench.Storage;
using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

// Durable grain-state writes/s and latency of the embedded storages, through the silo's IGrainStorage (no grain
// calls, no HTTP): N concurrent writers, each cycling over its own 32 grains (first writes, then ETag-checked
// updates), for a fixed time. Bounded: seconds per configuration from the first argument (default 5).
// Usage: dotnet run -c Release --project bench/StorageBench -- [seconds] [writers,...] [kinds,...] [Full|Normal,...]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var writerCounts = args.Length > 1 ? args[1].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray() : [16, 64];
var kinds = args.Length > 2 ? args[2].Split(',').Select(Enum.Parse<EmbeddedStorageKind>).ToArray() : [EmbeddedStorageKind.Sqlite, EmbeddedStorageKind.AdoNetSqlite];
var modes = args.Length > 3 ? args[3].Split(',').Select(Enum.Parse<AfterSales.Silo.Storage.SqliteSynchronousMode>).ToArray() : [AfterSales.Silo.Storage.SqliteSynchronousMode.Full];

Console.WriteLine($"{Environment.ProcessorCount} cores, {seconds} s per run, {Environment.OSVersion}");
Console.WriteLine("| storage | synchronous | writers | writes | writes/s | p50 ms | p99 ms | max ms | conflicts |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var kind in kinds)
{
    foreach (var mode in modes)
    {
        foreach (var writers in writerCounts)
        {
            var result = await Measure(kind, mode, writers, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(result);
        }
    }
}

static async Task<string> Measure(EmbeddedStorageKind kind, AfterSales.Silo.Storage.SqliteSynchronousMode mode, int writers, TimeSpan duration)
{
    var directory = Directory.CreateTempSubdirectory("aftersales-bench-");
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AfterSales:Hosting:DataDirectory"] = directory.FullName,
        ["AfterSales:Hosting:EmbeddedStorage"] = kind.ToString(),
        ["AfterSales:Hosting:SqliteSynchronous"] = mode.ToString(),
        ["AfterSales:Hosting:SiloPort"] = "21111",
        ["AfterSales:Hosting:GatewayPort"] = "21112",
    });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddAfterSalesOrleans();
    using var host = builder.Build();
    await host.StartAsync();
    var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

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
    var elapsed = stop.Elapsed;
    await host.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);

    var all = latencies.SelectMany(l => l).Order().ToArray();
    double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
    return string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {mode} | {writers} | {all.Length} | {all.Length / elapsed.TotalSeconds:F0} | {Percentile(0.50):F2} | {Percentile(0.99):F2} | {all[^1]:F1} | {conflicts} |");
}
