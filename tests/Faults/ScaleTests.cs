using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: a silo added to a cluster under load, then one removed (SIGTERM) under load.</summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task ASiloAddedAndAnotherRemovedUnderLoadFailNoWriteAndLoseNothing()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var logs = new LogFolder();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.Server!, abort.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var rig = await ClusterRig.StartAsync(database.ConnectionString, 2, logs.Path, new LoopbackPorts(), abort.Token);
        output.WriteLine($"[faults]   cluster started in {AttemptWindow.Seconds(clock.Elapsed)}");
        await using var load = await LoadSession.StartAsync(rig.ApiAddress, LoadShape.FaultTest, abort.Token);
        output.WriteLine($"[faults]   seeded at {AttemptWindow.Seconds(clock.Elapsed)}");
        await load.WaitForAcknowledgedAsync(100, TimeSpan.Zero, TimeSpan.FromSeconds(60), abort.Token);

        var adding = load.Ledger.Mark("adding");
        var added = await rig.StartSiloAsync(abort.Token);
        var joined = load.Ledger.Mark("joined");
        await load.WaitForAcknowledgedAsync(100, joined, TimeSpan.FromSeconds(60), abort.Token);
        var removing = load.Ledger.Mark("removing");
        await rig.StopAsync(rig.Silos[0], abort.Token);
        var removed = load.Ledger.Mark("removed");
        await load.WaitForAcknowledgedAsync(100, removed, TimeSpan.FromSeconds(60), abort.Token);
        await load.StopAsync();

        var verdict = LedgerChecker.Check(load.Ledger, await new PostgresStoreReader(database.ConnectionString).ReadAsync(rig.ClusterId, abort.Token));
        FaultReport.Write(output, "scale out 2 → 3 and in 3 → 2 under load", load.Ledger, verdict,
            ("silo added: start to active", joined - adding),
            ("silo removed: SIGTERM to exit", removed - removing));
        Assert.True(verdict.Clean, verdict.Describe() + "\n" + rig.Logs());
        Assert.Contains(added, rig.Silos);
        Assert.Equal(2, rig.Silos.Count);
        // Zero failed requests: every write ended acknowledged (retries with the same key count as succeeded).
        Assert.All(load.Ledger.Writes, w => Assert.Equal(WriteOutcome.Acknowledged, w.Outcome));
    }
}
