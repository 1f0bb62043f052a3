using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A case's events go to an append-only journal: never cut, paged in order, each with a unique id.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseJournalTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AJournalOfMoreThanAThousandEventsKeepsEveryOneAndPagesThroughThemInOrder()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        for (var i = 0; i < 600; i++)
        {
            await scenario.ApplyAsync(opened.Number, CaseAction.Wait);
            await scenario.ApplyAsync(opened.Number, CaseAction.Resume);
        }

        var all = (await scenario.Case(opened.Number).ReadAllAsync(pageSize: 97))!.Value;

        // opened, assigned, start, then 1,200 wait/resume: nothing dropped, the oldest first.
        Assert.Equal(1203, all.Length);
        Assert.Equal(Enumerable.Range(1, 1203), all.Select(e => e.Sequence));
        Assert.Equal(CaseEventKinds.Opened, all[0].Action);
        Assert.Equal(CaseEventKinds.Of(CaseAction.Resume), all[^1].Action);
        Assert.Equal(all.Length, all.Select(e => e.EventId).Distinct().Count());
        Assert.DoesNotContain(all, e => e.EventId == Guid.Empty);
    }

    [Fact]
    public async Task APageStartsAfterTheGivenSequenceAndSaysWhetherMoreFollow()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        await scenario.ApplyAsync(opened.Number, CaseAction.Wait);
        await scenario.ApplyAsync(opened.Number, CaseAction.Resume);

        var middle = (await scenario.Case(opened.Number).GetHistoryAsync(afterSequence: 2, limit: 2))!;
        var last = (await scenario.Case(opened.Number).GetHistoryAsync(afterSequence: 4, limit: 2))!;

        Assert.Equal([3, 4], middle.Events.Select(e => e.Sequence));
        Assert.True(middle.HasMore);
        Assert.Equal(5, middle.LastSequence);
        Assert.Equal([5], last.Events.Select(e => e.Sequence));
        Assert.False(last.HasMore);
    }

    [Fact]
    public async Task TheJournalAndTheNotesReadBackAfterDeactivationAndTheNextEventContinuesTheSequence()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        for (var i = 1; i <= 3; i++)
        {
            var added = await scenario.Case(opened.Number).AddNoteAsync(new AddNoteCommand($"note {i}", NoteVisibility.Internal, "agent-1"));
            Assert.Null(added.Error);
        }
        var before = (await scenario.Case(opened.Number).ReadAllAsync())!.Value;

        await fixture.Cluster.DeactivateAsync(scenario.Case(opened.Number));
        var started = await scenario.ApplyAsync(opened.Number, CaseAction.Start);

        Assert.Equal(["note 1", "note 2", "note 3"], started.Notes.Select(n => n.Text));
        var after = (await scenario.Case(opened.Number).ReadAllAsync())!.Value;
        Assert.Equal(before, after.Take(before.Length));
        Assert.Equal(before[^1].Sequence + 1, Assert.Single(after.Skip(before.Length)).Sequence);
    }

    [Fact]
    public async Task AnUnknownCaseHasNoHistory()
    {
        Assert.Null(await fixture.Grains.GetGrain<ICaseGrain>("AS-2026-999999").GetHistoryAsync(0, 10));
    }
}
