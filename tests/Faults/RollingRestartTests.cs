using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: every silo restarted in turn (SIGTERM, then a new process) under load; SLA clocks set before
/// the restart still fire after it.</summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task RestartingEverySiloInTurnUnderLoadLosesNoAcknowledgedWriteAndRemindersStillFire()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var logs = new LogFolder();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.Server!, abort.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var rig = await ClusterRig.StartAsync(database.ConnectionString, 2, logs.Path, new LoopbackPorts(), abort.Token);
        output.WriteLine($"[faults]   cluster started in {AttemptWindow.Seconds(clock.Elapsed)}");
        var original = rig.Silos.ToList();
        await using var load = await LoadSession.StartAsync(rig.ApiAddress, LoadShape.FaultTest, abort.Token,
            before: client => SlaProbes.SetPolicyAsync(client, abort.Token));
        output.WriteLine($"[faults]   seeded at {AttemptWindow.Seconds(clock.Elapsed)}");
        await load.WaitForAcknowledgedAsync(100, TimeSpan.Zero, TimeSpan.FromSeconds(60), abort.Token);

        var probes = await SlaProbes.OpenAsync(load.Client, load.Population.CustomerIds[0], 4, abort.Token);
        var rolling = load.Ledger.Mark("rolling");
        foreach (var silo in original)
        {
            await rig.StopAsync(silo, abort.Token);
            await rig.StartSiloAsync(abort.Token);
            await load.WaitForAcknowledgedAsync(30, load.Ledger.Now, TimeSpan.FromSeconds(60), abort.Token);
        }
        var rolled = load.Ledger.Mark("rolled");
        await load.WaitForAcknowledgedAsync(50, rolled, TimeSpan.FromSeconds(60), abort.Token);
        await load.StopAsync();
        // Due a minute after opening, woken by a reminder that ticks once a minute: allow that minute and half another
        // from the later of the due time and the end of the roll.
        var due = rolling + TimeSpan.FromMinutes(1);
        var deadline = (due > rolled ? due : rolled) + TimeSpan.FromSeconds(90);
        var breached = await SlaProbes.WaitForBreachesAsync(load.Client, probes, deadline - load.Ledger.Now, abort.Token);

        var verdict = LedgerChecker.Check(load.Ledger, await new PostgresStoreReader(database.ConnectionString).ReadAsync(rig.ClusterId, abort.Token));
        FaultReport.Write(output, "rolling restart of two silos under load", load.Ledger, verdict, ("rolling restart took", rolled - rolling),
            ("SLA breaches of cases opened before the restart all recorded, after the restart's end", breached - rolled));
        Assert.True(verdict.Clean, verdict.Describe() + "\n" + rig.Logs());
        Assert.DoesNotContain(rig.Silos, original.Contains);
        Assert.All(load.Ledger.Writes, w => Assert.Equal(WriteOutcome.Acknowledged, w.Outcome));
    }
}
