using AfterSales.Faults.Ledger;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Cluster mode: the PostgreSQL server (a private one) stopped as by a crash under load and started again,
/// the silos left running.</summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output) : FaultTest(output)
{
    private const int PreferredPort = 5443;

    [PrivatePostgresFact]
    public async Task WhileTheDatabaseIsDownWritesAnswer503AndAfterItReturnsTheySucceedWithin30sLosingNothing()
    {
        await using var server = await PrivatePostgres.StartAsync(FreePort(), Abort);
        await using var run = await StartClusterAsync(server.ConnectionString, silos: 2);
        var (rig, load) = (run.Rig, run.Load);

        load.Ledger.Mark("stopping");
        await server.StopAsync(immediate: true, Abort);
        var down = load.Ledger.Mark("down");
        await load.WaitForAttemptsAsync(40, down, TimeSpan.FromSeconds(30), Abort);
        var restarting = load.Ledger.Mark("restarting");
        await server.StartAgainAsync(Abort);
        var up = load.Ledger.Mark("up");
        await load.WaitForAcknowledgedAsync(100, up, TimeSpan.FromSeconds(60), Abort);
        await load.StopAsync();

        var whileDown = AttemptWindow.Within(load.Ledger, down, restarting);
        var restored = AttemptWindow.RestoredAfter(load.Ledger, up);
        Output.WriteLine($"[faults]   answers while down: {AttemptWindow.Tally(whileDown)}");
        await CheckAsync(run, "PostgreSQL stopped (immediate) and started again under load",
            ("database down (stopped to start command)", restarting - down),
            ("service restored after the database was back (last failed attempt)", restored),
            ("first success after the database was back", AttemptWindow.FirstSuccessAfter(load.Ledger, up)));
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
