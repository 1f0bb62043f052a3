using System.Globalization;
using AfterSales.Bench.Storage;
using AfterSales.Silo.Storage;

// Durable grain storage, measured through the silo's IGrainStorage (no grain calls, no HTTP). Bounded: a few seconds
// per configuration. PostgreSQL is measured when AFTERSALES_BENCH_POSTGRES names a server (a throw-away database is
// created on it and dropped afterwards).
//   dotnet run -c Release --project bench/StorageBench -- throughput [seconds] [writers,...] [Full|Normal,...]
//   dotnet run -c Release --project bench/StorageBench -- rows [seconds] [items held,...]
var mode = args.Length > 0 ? args[0] : "throughput";
var seconds = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
StorageTarget[] targets = BenchHost.PostgresServer is null ? [StorageTarget.Sqlite] : [StorageTarget.Sqlite, StorageTarget.Postgres];

Console.WriteLine(MachineLine());
switch (mode)
{
    case "rows":
        int[] sizes = args.Length > 2 ? [.. args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [10, 1_000, 10_000];
        await RowCostRun.RunAsync(seconds, sizes, targets);
        break;
    case "throughput":
        int[] writers = args.Length > 2 ? [.. args[2].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))] : [16, 64];
        SqliteSynchronousMode[] modes = args.Length > 3 ? [.. args[3].Split(',').Select(Enum.Parse<SqliteSynchronousMode>)] : [SqliteSynchronousMode.Full];
        await ThroughputRun.RunAsync(seconds, writers, targets, modes);
        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}': use throughput or rows.");
        return 2;
}
Console.WriteLine(MachineLine());
return 0;

static string MachineLine()
{
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
    return $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {load}";
}
