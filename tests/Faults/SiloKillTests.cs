using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: one of three silos killed with <c>kill -9</c> under load.</summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task KillingOneOfThreeSilosUnderLoadLosesNoAcknowledgedWriteAndServiceComesBack()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var logs = new LogFolder();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.Server!, abort.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var rig = await ClusterRig.StartAsync(database.ConnectionString, 3, logs.Path, new LoopbackPorts(), abort.Token);
        output.WriteLine($"[faults]   cluster started in {AttemptWindow.Seconds(clock.Elapsed)}");
        await using var load = await LoadSession.StartAsync(rig.ApiAddress, LoadShape.FaultTest, abort.Token);
        output.WriteLine($"[faults]   seeded at {AttemptWindow.Seconds(clock.Elapsed)}");
        await load.WaitForAcknowledgedAsync(100, TimeSpan.Zero, TimeSpan.FromSeconds(60), abort.Token);

        var victim = rig.Silos[^1];
        var killed = load.Ledger.Mark("kill");
        rig.Kill(victim);
        var declaredDead = await rig.WaitUntilDeadAsync(victim, TimeSpan.FromSeconds(90), abort.Token);
        var dead = load.Ledger.Mark("declared dead");
        await load.WaitForAcknowledgedAsync(100, dead, TimeSpan.FromSeconds(60), abort.Token);
        await load.StopAsync();

        var verdict = LedgerChecker.Check(load.Ledger, await new PostgresStoreReader(database.ConnectionString).ReadAsync(rig.ClusterId, abort.Token));
        var restored = AttemptWindow.RestoredAfter(load.Ledger, killed);
        FaultReport.Write(output, "kill -9 of one of three silos", load.Ledger, verdict,
            ("declared dead after the kill", declaredDead),
            ("service restored after the kill (last failed attempt)", restored),
            ("first success after the kill", AttemptWindow.FirstSuccessAfter(load.Ledger, killed)));
        Assert.True(verdict.Clean, verdict.Describe() + "\n" + rig.Logs());
        // Every write ended acknowledged: a client retrying with its idempotency key got through.
        Assert.DoesNotContain(load.Ledger.Writes, w => w.Outcome is WriteOutcome.Unknown or WriteOutcome.Refused);
        Assert.DoesNotContain(load.Ledger.Attempts, a => a.Status == 500);
        Assert.True(restored < TimeSpan.FromSeconds(60), $"service restored only {AttemptWindow.Seconds(restored)} after the kill");
    }
}
