using AfterSales.Faults.Ledger;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: every silo restarted in turn (SIGTERM, then a new process) under load; SLA clocks set before
/// the restart still fire after it.</summary>
public sealed class RollingRestartTests(ITestOutputHelper output) : FaultTest(output)
{
    [PostgresFact]
    public async Task RestartingEverySiloInTurnUnderLoadLosesNoAcknowledgedWriteAndRemindersStillFire()
    {
        await using var run = await StartClusterAsync(silos: 2, before: client => SlaProbes.SetPolicyAsync(client, Abort));
        var (rig, load) = (run.Rig, run.Load);
        var original = rig.Silos.ToList();

        var probes = await SlaProbes.OpenAsync(load.Client, load.Population.CustomerIds[0], 4, Abort);
        var rolling = load.Ledger.Mark("rolling");
        foreach (var silo in original)
        {
            await rig.StopAsync(silo, Abort);
            await rig.StartSiloAsync(Abort);
            await load.WaitForAcknowledgedAsync(30, load.Ledger.Now, TimeSpan.FromSeconds(60), Abort);
        }
        var rolled = load.Ledger.Mark("rolled");
        await load.WaitForAcknowledgedAsync(50, rolled, TimeSpan.FromSeconds(60), Abort);
        await load.StopAsync();
        // Due a minute after opening, woken by a reminder that ticks once a minute: allow that minute and half another
        // from the later of the due time and the end of the roll.
        var due = rolling + TimeSpan.FromMinutes(1);
        var deadline = (due > rolled ? due : rolled) + TimeSpan.FromSeconds(90);
        var breached = await SlaProbes.WaitForBreachesAsync(load.Client, probes, deadline - load.Ledger.Now, Abort);

        await CheckAsync(run, "rolling restart of two silos under load",
            ("rolling restart took", rolled - rolling),
            ("SLA breaches of cases opened before the restart all recorded, after the restart's end", breached - rolled));
        Assert.DoesNotContain(rig.Silos, original.Contains);
        Assert.All(load.Ledger.Writes, w => Assert.Equal(WriteOutcome.Acknowledged, w.Outcome));
    }
}
