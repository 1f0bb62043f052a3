using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Faults.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults;

/// <summary>Embedded mode: the single process killed with <c>kill -9</c> under load and started again on its data
/// folder keeps every case, assignment and event it acknowledged.</summary>
public sealed class EmbeddedCrashTests(ITestOutputHelper output) : FaultTest(output)
{
    [Fact]
    public async Task TheProcessKilledUnderLoadKeepsEveryAcknowledgedCaseAssignmentAndEventAfterARestart()
    {
        await using var node = await EmbeddedNode.StartAsync(new LoopbackPorts(), Abort);
        await using var load = await StartLoadAsync(node.ApiAddress, 150);

        var killed = load.Ledger.Mark("kill");
        node.Kill();
        await node.StartAgainAsync(Abort);
        var restarted = load.Ledger.Mark("restarted");
        // Writes cut off by the kill are retried with their keys against the restarted process; then more arrive.
        await load.WaitForAcknowledgedAsync(50, restarted, TimeSpan.FromSeconds(60), Abort);
        await load.StopAsync();

        var verdict = await CheckAsync(load, new SqliteStoreReader(node.DatabasePath), node.ServiceId, "embedded kill -9 and restart", "",
            ("restart took (kill to ready)", restarted - killed),
            ("service restored after the kill", AttemptWindow.RestoredAfter(load.Ledger, killed)));
        Assert.True(verdict.AcknowledgedOpens + verdict.AcknowledgedStarts >= 200, verdict.Describe());
        Assert.True(verdict.AcknowledgedStarts > 0, verdict.Describe());
        Assert.DoesNotContain(load.Ledger.Writes, w => w.Outcome is WriteOutcome.Unknown or WriteOutcome.Refused);
        // The restarted process answers for what was acknowledged before the kill, as stored.
        foreach (var write in load.Ledger.Writes.Where(w => w.Kind == WriteKind.OpenCase && w.FirstSentAt < killed).Take(40))
        {
            var (status, body) = await load.Client.GetJsonAsync($"/api/cases/{write.CaseNumber}", Abort);
            Assert.Equal(200, status);
            Assert.Equal(write.Token, (string?)body?["subject"]);
            Assert.Equal(write.AnsweredTechnician, (string?)body?["assignedTechnicianId"]);
        }
    }
}
