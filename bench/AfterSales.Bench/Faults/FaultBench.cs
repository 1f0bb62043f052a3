using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;

namespace AfterSales.Bench.Faults;

/// <summary>The long fault scenarios: a real cluster (silo processes and an API client process) on a scratch
/// PostgreSQL database, a load that keeps a ledger, the faults, and the ledger checked against the database.</summary>
internal static class FaultBench
{
    public static async Task<int> RunAsync(FaultBenchOptions options, CancellationToken cancellationToken)
    {
        await using var server = options.Postgres is null ? await PrivatePostgres.StartAsync(PrivatePort(), cancellationToken) : null;
        await using var database = await ScratchDatabase.CreateAsync(options.Postgres ?? server!.ConnectionString, cancellationToken);
        var logs = Directory.CreateTempSubdirectory("aftersales-bench-faults-").FullName;
        Console.Error.WriteLine($"[bench] {options.Scenario}: {options.Silos} silos and an API on PostgreSQL {database.Name}; logs in {logs}");
        await using var rig = await ClusterRig.StartAsync(database.ConnectionString, options.Silos, logs, LoopbackPorts.Bench(), cancellationToken);
        var shape = options.Scenario == "mixed" ? LoadShape.Mixed(options.Workers) : LoadShape.FaultTest with { Workers = options.Workers };
        await using var load = await LoadSession.StartAsync(rig.ApiAddress, shape, cancellationToken);
        var started = load.Ledger.Now;
        var faults = new List<(TimeSpan At, TimeSpan Took)>();
        if (options.Scenario == "mixed")
        {
            await Task.Delay(options.Duration, cancellationToken);
        }
        else
        {
            var random = new Random(1);
            while (load.Ledger.Now - started + options.KillInterval < options.Duration)
            {
                await Task.Delay(options.KillInterval, cancellationToken);
                var at = load.Ledger.Mark($"fault {faults.Count + 1}");
                var took = options.Scenario == "failover"
                    ? await KillOneAsync(rig, rig.Silos[random.Next(rig.Silos.Count)], cancellationToken)
                    : await RollAsync(rig, load, cancellationToken);
                faults.Add((at, took));
                Console.Error.WriteLine($"[bench] fault {faults.Count} at {AttemptWindow.Seconds(at - started)}: {AttemptWindow.Seconds(took)}");
            }
            var rest = options.Duration - (load.Ledger.Now - started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }
        }
        await load.StopAsync();
        var elapsed = load.Ledger.Now - started;

        var verdict = LedgerChecker.Check(load.Ledger, await new PostgresStoreReader(database.ConnectionString).ReadAsync(rig.ClusterId, cancellationToken));
        Report(options, load, elapsed, faults, verdict);
        return verdict.Clean ? 0 : 3;
    }

    private static void Report(FaultBenchOptions options, LoadSession load, TimeSpan elapsed, List<(TimeSpan At, TimeSpan Took)> faults, LedgerVerdict verdict)
    {
        var ledger = load.Ledger;
        var writes = AttemptWindow.AcknowledgedLatencies(ledger);
        var reads = load.Load.Reads;
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"## {options.Scenario}: {options.Silos} silos, {options.Workers} workers, {AttemptWindow.Seconds(elapsed)}");
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| writes acknowledged | {writes.Count} ({writes.Count / seconds:0.0}/s) |");
        Console.WriteLine($"| write p50 / p99 (first send → acknowledged, retries included) | {Percentiles.Of(writes, 0.5):0.0} / {Percentiles.Of(writes, 0.99):0.0} ms |");
        Console.WriteLine($"| reads | {reads.Count} ({reads.Count / seconds:0.0}/s), {reads.Failed} failed |");
        Console.WriteLine($"| read p50 / p99 | {reads.Percentile(0.5):0.0} / {reads.Percentile(0.99):0.0} ms |");
        Console.WriteLine($"| write attempts by answer | {AttemptWindow.Tally(ledger.Attempts)} |");
        Console.WriteLine($"| writes not acknowledged | {ledger.Writes.Count(w => w.Outcome != WriteOutcome.Acknowledged)} |");
        // Why writes were refused, the commonest reasons first (case numbers and ids blurred so the reasons group).
        foreach (var (reason, count) in ledger.Attempts.Where(a => a.Status is >= 400 and < 500 && a.Error is not null)
                     .GroupBy(a => $"{a.Kind} {a.Status}: {System.Text.RegularExpressions.Regex.Replace(a.Error!, "[A-Z]+-[0-9A-Za-z-]+", "…")}")
                     .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).Take(5))
        {
            Console.WriteLine($"| refused: {reason.Replace("|", "/", StringComparison.Ordinal)} | {count} |");
        }
        Console.WriteLine($"| lost / duplicated / mismatched | {verdict.Lost.Count} / {verdict.Duplicated.Count} / {verdict.Mismatched.Count} |");
        var took = options.Scenario == "failover" ? "declared dead" : "every silo restarted";
        for (var i = 0; i < faults.Count; i++)
        {
            var until = i + 1 < faults.Count ? faults[i + 1].At : (TimeSpan?)null;
            Console.WriteLine($"| fault {i + 1}: {took} / service restored (last failed attempt) | {AttemptWindow.Seconds(faults[i].Took)} / " +
                $"{AttemptWindow.Seconds(AttemptWindow.RestoredAfter(ledger, faults[i].At, until))} |");
        }
        Console.WriteLine();
        Console.WriteLine(verdict.Describe());
    }

    /// <summary><c>kill -9</c> of a silo, then a new one once it is declared dead; returns the time to declared dead.</summary>
    private static async Task<TimeSpan> KillOneAsync(ClusterRig rig, SiloNode victim, CancellationToken cancellationToken)
    {
        rig.Kill(victim);
        var dead = await rig.WaitUntilDeadAsync(victim, TimeSpan.FromSeconds(120), cancellationToken);
        await rig.StartSiloAsync(cancellationToken);
        return dead;
    }

    /// <summary>Every silo stopped (SIGTERM) and replaced in turn; returns how long the whole roll took.</summary>
    private static async Task<TimeSpan> RollAsync(ClusterRig rig, LoadSession load, CancellationToken cancellationToken)
    {
        var started = load.Ledger.Now;
        foreach (var silo in rig.Silos.ToList())
        {
            await rig.StopAsync(silo, cancellationToken);
            await rig.StartSiloAsync(cancellationToken);
        }
        return load.Ledger.Now - started;
    }

    private static int PrivatePort() => Enumerable.Range(5448, 5).FirstOrDefault(LoopbackPorts.IsFree) is var port and > 0
        ? port
        : throw new BenchException("No free port in 5448–5452 for a private PostgreSQL; pass --postgres.");
}
