using AfterSales.Cases;
using AfterSales.Departments;
using AfterSales.Domain;
using AfterSales.Routing;

namespace AfterSales.Tests.Unit.Domain;

public sealed class QueueIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static QueuedCase Entry(string number, CasePriority priority, int minutes) =>
        new(number, priority, CaseType.Fault, 1, T0.AddMinutes(minutes), T0.AddMinutes(minutes));

    private static QueueIndex<QueuedCase> NewIndex() => new(c => c);

    [Fact]
    public void CasesComeOutInQueueOrderWithTheirPositions()
    {
        var index = NewIndex();

        Assert.Equal(1, index.Put(Entry("A", CasePriority.Normal, 10)));
        Assert.Equal(2, index.Put(Entry("B", CasePriority.Normal, 20)));
        Assert.Equal(1, index.Put(Entry("C", CasePriority.Urgent, 30)));
        Assert.Equal(3, index.Put(Entry("D", CasePriority.Normal, 15)));

        Assert.Equal(["C", "A", "D", "B"], index.InOrder().Select(c => c.CaseNumber));
        Assert.Equal(4, index.PositionOf("B"));
        Assert.Equal(0, index.PositionOf("X"));
    }

    [Fact]
    public void ReplacingACaseKeepsOneEntryAndRemovingItClosesTheGap()
    {
        var index = NewIndex();
        index.Put(Entry("A", CasePriority.Normal, 10));
        index.Put(Entry("B", CasePriority.Normal, 20));

        Assert.Equal(1, index.Put(Entry("A", CasePriority.Normal, 10) with { RelaxedAt = T0 }));
        Assert.Equal(2, index.Count);
        Assert.True(index.TryGet("A", out var replaced));
        Assert.Equal(T0, replaced.RelaxedAt);

        Assert.True(index.Remove("A"));
        Assert.False(index.Remove("A"));
        Assert.Equal(1, index.PositionOf("B"));
        Assert.Equal(["B"], index.InOrder().Select(c => c.CaseNumber));
    }

    [Fact]
    public void TheSnapshotOfTheOrderMayBeWalkedWhileTheQueueChanges()
    {
        var index = NewIndex();
        index.Put(Entry("A", CasePriority.Normal, 10));
        index.Put(Entry("B", CasePriority.Normal, 20));

        var walked = new List<string>();
        foreach (var queued in index.InOrder())
        {
            walked.Add(queued.CaseNumber);
            index.Remove(queued.CaseNumber);
        }

        Assert.Equal(["A", "B"], walked);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void PositionsCountEveryHigherPriorityAndTheCasesAheadWithinTheSamePriority()
    {
        var index = NewIndex();
        index.Put(Entry("L1", CasePriority.Low, 1));
        index.Put(Entry("N1", CasePriority.Normal, 2));
        index.Put(Entry("N2", CasePriority.Normal, 3));
        index.Put(Entry("H1", CasePriority.High, 4));

        // Joins the back of high (after H1), ahead of every normal and low case.
        Assert.Equal(2, index.Put(Entry("H2", CasePriority.High, 5)));
        // An older normal case joins in the middle of its priority.
        Assert.Equal(3, index.Put(Entry("N0", CasePriority.Normal, 0)));
        Assert.Equal(6, index.PositionOf("L1"));
        Assert.Equal(["H1", "H2", "N0", "N1", "N2", "L1"], index.InOrder().Select(c => c.CaseNumber));
        Assert.Equal(1, index.Put(Entry("U", CasePriority.Urgent, 9)));
        Assert.Equal(["U", "H1", "H2", "N0", "N1", "N2", "L1"], index.InOrder().Select(c => c.CaseNumber));
    }

    [Fact]
    public void TheNextBatchContinuesAfterTheLastCaseWalkedEvenWhenThatCaseLeftTheQueue()
    {
        var index = NewIndex();
        index.Put(Entry("H1", CasePriority.High, 5));
        index.Put(Entry("N1", CasePriority.Normal, 1));
        index.Put(Entry("N2", CasePriority.Normal, 2));
        index.Put(Entry("N3", CasePriority.Normal, 3));
        index.Put(Entry("L1", CasePriority.Low, 0));

        var first = index.Next(null, 2);
        Assert.Equal(["H1", "N1"], first.Select(c => c.CaseNumber));

        index.Remove("N1");
        Assert.Equal(["N2", "N3", "L1"], index.Next(first[^1], 10).Select(c => c.CaseNumber));
        Assert.Equal(["N3"], index.Next(first[^1], 10, skip: c => c.Priority == CasePriority.Low || c.CaseNumber == "N2").Select(c => c.CaseNumber));
        Assert.Empty(index.Next(Entry("L1", CasePriority.Low, 0), 10));
    }

    [Fact]
    public void TheOldestCaseIsTheFirstToJoinWhateverItsPriority()
    {
        var index = NewIndex();
        Assert.Null(index.Oldest);

        index.Put(Entry("U", CasePriority.Urgent, 9) with { EnqueuedAt = T0.AddMinutes(30) });
        index.Put(Entry("L", CasePriority.Low, 1) with { EnqueuedAt = T0.AddMinutes(10) });
        index.Put(Entry("N", CasePriority.Normal, 5) with { EnqueuedAt = T0.AddMinutes(20) });

        Assert.Equal("L", index.Oldest!.CaseNumber);
        index.Remove("L");
        Assert.Equal("N", index.Oldest!.CaseNumber);
    }

    [Fact]
    public void CasesDueForRelaxationAreThoseWithOptionalSkillsThatJoinedByTheCutOff()
    {
        var index = NewIndex();
        var english = new SkillRequirement("english", 2);
        index.Put(Entry("A", CasePriority.Normal, 1) with { Optional = [english] });
        index.Put(Entry("B", CasePriority.Urgent, 2) with { Optional = [english] });
        index.Put(Entry("C", CasePriority.Normal, 3));
        index.Put(Entry("D", CasePriority.Normal, 4) with { Optional = [english] });

        Assert.Equal(["A", "B"], index.Relaxable(T0.AddMinutes(3)).Select(c => c.CaseNumber));

        // Relaxed (its optional skills dropped), a case is no longer due.
        index.Put(Entry("A", CasePriority.Normal, 1) with { RelaxedAt = T0.AddMinutes(3) });
        Assert.Equal(["B", "D"], index.Relaxable(T0.AddMinutes(4)).Select(c => c.CaseNumber));
        index.Remove("B");
        Assert.Equal(["D"], index.Relaxable(T0.AddMinutes(60)).Select(c => c.CaseNumber));
    }

    [Fact]
    public void WalkingTheOrderInPlaceReadsEveryCaseOnce()
    {
        var index = NewIndex();
        index.Put(Entry("L1", CasePriority.Low, 1));
        index.Put(Entry("N1", CasePriority.Normal, 2));
        index.Put(Entry("U1", CasePriority.Urgent, 3));

        Assert.Equal(["U1", "N1", "L1"], index.Ordered().Select(c => c.CaseNumber));
    }
}
