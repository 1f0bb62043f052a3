using AfterSales.Domain.Webhooks;

namespace AfterSales.Tests.Unit.Domain.Webhooks;

public sealed class CaseOrderedQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyTheEarliestEventOfACaseIsDue()
    {
        var queue = new CaseOrderedQueue<string>();
        queue.Add("AS-1", 2, Now, "AS-1#2");
        queue.Add("AS-1", 1, Now, "AS-1#1");
        queue.Add("AS-2", 5, Now, "AS-2#5");

        Assert.Equal(["AS-1#1", "AS-2#5"], queue.Due(Now, 10));
    }

    [Fact]
    public void ACaseWaitsForItsRetriedHeadWhileOtherCasesGoOn()
    {
        var queue = new CaseOrderedQueue<string>();
        queue.Add("AS-1", 1, Now, "AS-1#1");
        queue.Add("AS-1", 2, Now, "AS-1#2");
        queue.Add("AS-2", 1, Now, "AS-2#1");

        queue.Reschedule("AS-1", 1, Now.AddSeconds(30), "AS-1#1");

        Assert.Equal(["AS-2#1"], queue.Due(Now, 10));
        Assert.Equal(Now, queue.NextDue());
        Assert.True(queue.Remove("AS-2", 1));
        Assert.Equal(Now.AddSeconds(30), queue.NextDue());
        Assert.Equal(["AS-1#1"], queue.Due(Now.AddSeconds(30), 10));
    }

    [Fact]
    public void RemovingTheHeadLetsTheNextEventOfTheCaseGo()
    {
        var queue = new CaseOrderedQueue<string>();
        queue.Add("AS-1", 1, Now, "AS-1#1");
        queue.Add("AS-1", 2, Now, "AS-1#2");

        queue.Remove("AS-1", 1);

        Assert.Equal(["AS-1#2"], queue.Due(Now, 10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void DueHeadsComeEarliestFirstAndAtMostTheLimit()
    {
        var queue = new CaseOrderedQueue<string>();
        queue.Add("AS-3", 1, Now.AddSeconds(-1), "AS-3#1");
        queue.Add("AS-1", 1, Now, "AS-1#1");
        queue.Add("AS-2", 1, Now.AddSeconds(-5), "AS-2#1");

        Assert.Equal(["AS-2#1", "AS-3#1"], queue.Due(Now, 2));
    }

    [Fact]
    public void AnEventIsQueuedOnce()
    {
        var queue = new CaseOrderedQueue<string>();

        Assert.True(queue.Add("AS-1", 1, Now, "a"));
        Assert.False(queue.Add("AS-1", 1, Now, "b"));
        Assert.Equal(1, queue.Count);
        Assert.True(queue.Holds("AS-1"));
        queue.Clear();
        Assert.False(queue.Holds("AS-1"));
        Assert.Null(queue.NextDue());
    }
}
