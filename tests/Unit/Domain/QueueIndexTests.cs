using AfterSales.Cases;
using AfterSales.Departments;
using AfterSales.Domain;

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
}
