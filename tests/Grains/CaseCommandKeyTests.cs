using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Commands on an existing case sent with an idempotency key: the key is stored with the change it made, so a
/// retry — also after the grain was deactivated — answers the case as it is instead of applying the command again or
/// refusing it as already applied.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseCommandKeyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AStartRetriedWithItsKeyAfterDeactivationIsAReplayAndTheCaseStartedOnce()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var opened = await scenario.OpenCaseAsync((await scenario.CustomerAsync()).Id);
        var start = new CaseCommand(CaseAction.Start, "tech-1", ExpectedVersion: opened.Version) { IdempotencyKey = "start-1", RequestHash = "h1" };

        var first = await scenario.Case(opened.Number).ApplyAsync(start);
        await fixture.Cluster.DeactivateAsync(scenario.Case(opened.Number));
        var retry = await scenario.Case(opened.Number).ApplyAsync(start);

        Assert.Equal((false, CaseStatus.InProgress), (first.Replayed, first.Value!.Status));
        // The retry carries the version read before the first attempt: the key answers before the version check.
        Assert.Equal((true, first.Value.Version), (retry.Replayed, retry.Value!.Version));
        var history = (await scenario.Case(opened.Number).GetHistoryAsync(0, 100))!;
        Assert.Single(history.Events, e => e.To == CaseStatus.InProgress);
    }

    [Fact]
    public async Task AKeyReusedForAnotherCommandIsRefusedAndChangesNothing()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var opened = await scenario.OpenCaseAsync((await scenario.CustomerAsync()).Id);
        var grain = scenario.Case(opened.Number);

        var noted = await grain.AddNoteAsync(new AddNoteCommand("Called back.", NoteVisibility.Internal, "agent-1") { IdempotencyKey = "k", RequestHash = "note" });
        var started = await grain.ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1") { IdempotencyKey = "k", RequestHash = "start" });

        Assert.Null(noted.Error);
        Assert.Equal(ErrorKind.IdempotencyMismatch, started.Error?.Kind);
        var now = await grain.GetAsync();
        Assert.Equal((CaseStatus.Assigned, noted.Value!.Version), (now!.Status, now.Version));
    }

    [Fact]
    public async Task ANoteRetriedWithItsKeyIsAddedOnceAndTheCaseForgetsAllButItsLatestKeys()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var opened = await scenario.OpenCaseAsync((await scenario.CustomerAsync()).Id);
        var grain = scenario.Case(opened.Number);
        AddNoteCommand Note(int i) => new($"note {i}", NoteVisibility.Internal, "agent-1") { IdempotencyKey = $"note-{i}", RequestHash = $"h{i}" };

        for (var i = 0; i <= CaseState.MaxCommandKeys; i++)
        {
            Assert.Null((await grain.AddNoteAsync(Note(i))).Error);
        }
        var latest = await grain.AddNoteAsync(Note(CaseState.MaxCommandKeys));
        var oldest = await grain.AddNoteAsync(Note(0));

        Assert.True(latest.Replayed);
        // The oldest key was let go: its retry is a new note (the documented limit of 32 keys per case).
        Assert.False(oldest.Replayed);
        Assert.Equal(CaseState.MaxCommandKeys + 2, oldest.Value!.Notes.Length);
    }
}
