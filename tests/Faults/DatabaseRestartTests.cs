using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: the PostgreSQL server (a private one) stopped as by a crash under load and started again,
/// the silos left running.</summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int PreferredPort = 5443;

    [PrivatePostgresFact]
    public async Task WhileTheDatabaseIsDownWritesAnswer503AndAfterItReturnsTheySucceedWithin30sLosingNothing()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var logs = new LogFolder();
        await using var server = await PrivatePostgres.StartAsync(FreePort(), abort.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var rig = await ClusterRig.StartAsync(server.ConnectionString, 2, logs.Path, new LoopbackPorts(), abort.Token);
        output.WriteLine($"[faults]   cluster started in {AttemptWindow.Seconds(clock.Elapsed)}");
        await using var load = await LoadSession.StartAsync(rig.ApiAddress, LoadShape.FaultTest, abort.Token);
        output.WriteLine($"[faults]   seeded at {AttemptWindow.Seconds(clock.Elapsed)}");
        await load.WaitForAcknowledgedAsync(100, TimeSpan.Zero, TimeSpan.FromSeconds(60), abort.Token);

        load.Ledger.Mark("stopping");
        await server.StopAsync(immediate: true, abort.Token);
        var down = load.Ledger.Mark("down");
        await load.WaitForAttemptsAsync(40, down, TimeSpan.FromSeconds(30), abort.Token);
        var restarting = load.Ledger.Mark("restarting");
        await server.StartAgainAsync(abort.Token);
        var up = load.Ledger.Mark("up");
        await load.WaitForAcknowledgedAsync(100, up, TimeSpan.FromSeconds(60), abort.Token);
        await load.StopAsync();

        var verdict = LedgerChecker.Check(load.Ledger, await new PostgresStoreReader(server.ConnectionString).ReadAsync(rig.ClusterId, abort.Token));
        var whileDown = AttemptWindow.Within(load.Ledger, down, restarting);
        var restored = AttemptWindow.RestoredAfter(load.Ledger, up);
        FaultReport.Write(output, "PostgreSQL stopped (immediate) and started again under load", load.Ledger, verdict,
            ("database down (stopped to start command)", restarting - down),
            ("service restored after the database was back (last failed attempt)", restored),
            ("first success after the database was back", AttemptWindow.FirstSuccessAfter(load.Ledger, up)));
        output.WriteLine($"[faults]   answers while down: {AttemptWindow.Tally(whileDown)}");
        Assert.True(verdict.Clean, verdict.Describe() + "\n" + rig.Logs());
        Assert.NotEmpty(whileDown);
        Assert.All(whileDown, a => Assert.True(a.Status == 503 && a.IsProblem, $"while the database was down a write answered {a.Answer}"));
        Assert.True(restored <= TimeSpan.FromSeconds(30), $"writes failed until {AttemptWindow.Seconds(restored)} after the database returned");
        Assert.DoesNotContain(load.Ledger.Writes, w => w.Outcome is WriteOutcome.Unknown or WriteOutcome.Refused);
        Assert.All(rig.Silos, s => Assert.False(s.Process.HasExited, $"{s.Name} exited"));
    }

    private static int FreePort() =>
        Enumerable.Range(PreferredPort, 5).FirstOrDefault(LoopbackPorts.IsFree) is var port and > 0
            ? port
            : throw new InvalidOperationException($"No free port in {PreferredPort}–{PreferredPort + 4} for a private PostgreSQL.");
}
