using AfterSales.Domain.Scheduling;

namespace AfterSales.Tests.Unit.Scheduling;

public sealed class DueIndexTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyTheEntriesDueByNowAreReadEarliestFirst()
    {
        var index = new DueIndex();
        index.Add(T0.AddMinutes(3), "c");
        index.Add(T0.AddMinutes(1), "a");
        index.Add(T0.AddMinutes(2), "b");
        index.Add(T0.AddMinutes(9), "later");

        Assert.Equal(["a", "b", "c"], index.DueBy(T0.AddMinutes(3)));
        Assert.Equal(T0.AddMinutes(1), index.Earliest);
    }

    [Fact]
    public void ARemovedEntryIsNoLongerDue()
    {
        var index = new DueIndex();
        index.Add(T0, "a");
        index.Add(T0, "b");

        index.Remove(T0, "a");

        Assert.Equal(["b"], index.DueBy(T0));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void TheEarliestSkipsTheKeysAskedToBeSkipped()
    {
        var index = new DueIndex();
        index.Add(T0, "failed");
        index.Add(T0.AddSeconds(30), "fresh");

        Assert.Equal(T0.AddSeconds(30), index.EarliestExcept(new HashSet<string> { "failed" }));
        Assert.Null(index.EarliestExcept(new HashSet<string> { "failed", "fresh" }));
    }

    [Fact]
    public void AnEmptyIndexHasNoEarliest()
    {
        Assert.Null(new DueIndex().Earliest);
    }
}
