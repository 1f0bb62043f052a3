using AfterSales.Faults.Ledger;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: a silo added to a cluster under load, then one removed (SIGTERM) under load.</summary>
public sealed class ScaleTests(ITestOutputHelper output) : FaultTest(output)
{
    [PostgresFact]
    public async Task ASiloAddedAndAnotherRemovedUnderLoadFailNoWriteAndLoseNothing()
    {
        await using var run = await StartClusterAsync(silos: 2);
        var (rig, load) = (run.Rig, run.Load);

        var adding = load.Ledger.Mark("adding");
        var added = await rig.StartSiloAsync(Abort);
        var joined = load.Ledger.Mark("joined");
        await load.WaitForAcknowledgedAsync(100, joined, TimeSpan.FromSeconds(60), Abort);
        var removing = load.Ledger.Mark("removing");
        await rig.StopAsync(rig.Silos[0], Abort);
        var removed = load.Ledger.Mark("removed");
        await load.WaitForAcknowledgedAsync(100, removed, TimeSpan.FromSeconds(60), Abort);
        await load.StopAsync();

        await CheckAsync(run, "scale out 2 → 3 and in 3 → 2 under load",
            ("silo added: start to active", joined - adding),
            ("silo removed: SIGTERM to exit", removed - removing));
        // When the slow requests of a join fall (while the new process starts, or once it is active) tells their cause apart.
        foreach (var slow in load.Ledger.Attempts.Where(a => a.SentAt >= adding && a.SentAt < removing && a.Latency > TimeSpan.FromSeconds(1)).Take(20))
        {
            Output.WriteLine($"[faults]   slow while joining: sent {AttemptWindow.Seconds(slow.SentAt - adding)} after the start "
                + $"(active at {AttemptWindow.Seconds(joined - adding)}), took {AttemptWindow.Seconds(slow.Latency)}, {slow.Answer}");
        }
        Assert.Contains(added, rig.Silos);
        Assert.Equal(2, rig.Silos.Count);
        // Zero failed requests: every write ended acknowledged (retries with the same key count as succeeded).
        Assert.All(load.Ledger.Writes, w => Assert.Equal(WriteOutcome.Acknowledged, w.Outcome));
    }
}
