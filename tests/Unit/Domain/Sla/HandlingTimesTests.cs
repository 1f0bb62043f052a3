using AfterSales.Domain.Sla;
using AfterSales.Technicians;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class HandlingTimesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static CompletedWork Done(string number, TimeSpan releasedAgo, TimeSpan toStart, TimeSpan work)
    {
        var released = Now - releasedAgo;
        return new CompletedWork(number, 1, released - work - toStart, released - work, released);
    }

    [Fact]
    public void MeansAreTakenFromAssignmentToStartAndFromStartToRelease()
    {
        var times = HandlingTimes.Of(
        [
            Done("A", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)),
            Done("B", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)),
            Done("C", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(40)),
        ], Now);

        Assert.NotNull(times);
        Assert.Equal(3, times.Samples);
        Assert.Equal(TimeSpan.FromMinutes(10), times.ToStart);
        Assert.Equal(TimeSpan.FromMinutes(30), times.Work);
        Assert.Equal(TimeSpan.FromMinutes(40), times.Hold);
    }

    [Fact]
    public void FewerThanThreeRecentCompletionsPredictNothing()
    {
        var old = Done("OLD", HandlingTimes.WindowAge + TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        Assert.Null(HandlingTimes.Of([Done("A", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(5)), Done("B", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(5)), old], Now));
    }

    [Fact]
    public void TheWindowKeepsTheFiftyNewestAndCountsACaseOnce()
    {
        var recent = Enumerable.Range(0, 50).Select(i => Done($"N{i}", TimeSpan.FromMinutes(i), TimeSpan.Zero, TimeSpan.FromMinutes(10)));
        var older = Enumerable.Range(0, 10).Select(i => Done($"O{i}", TimeSpan.FromHours(2), TimeSpan.Zero, TimeSpan.FromMinutes(100)));
        var repeat = Done("N0", TimeSpan.FromMinutes(30), TimeSpan.Zero, TimeSpan.FromMinutes(100));

        var times = HandlingTimes.Of([.. older, .. recent, repeat], Now);

        Assert.NotNull(times);
        Assert.Equal(50, times.Samples);
        Assert.Equal(TimeSpan.FromMinutes(10), times.Work);
    }
}
