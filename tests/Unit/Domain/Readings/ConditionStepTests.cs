using AfterSales.Domain.Readings;

namespace AfterSales.Tests.Unit.Domain.Readings;

public sealed class ConditionStepTests
{
    [Fact]
    public void AnEpisodeRaisesOnceWhenTheConditionHasHeldTheSustainedCount()
    {
        var first = ConditionStep.Next(0, false, true, sustained: 2);
        var second = ConditionStep.Next(first.Streak, first.InEpisode, true, sustained: 2);
        var third = ConditionStep.Next(second.Streak, second.InEpisode, true, sustained: 2);

        Assert.False(first.Raise);
        Assert.True(second.Raise);
        Assert.False(third.Raise);
        Assert.True(third.InEpisode);
    }

    [Fact]
    public void TheEpisodeEndsAtTheFirstReadingWhereTheConditionNoLongerHolds()
    {
        var cleared = ConditionStep.Next(5, true, false, sustained: 1);
        var again = ConditionStep.Next(cleared.Streak, cleared.InEpisode, true, sustained: 1);

        Assert.True(cleared.Clear);
        Assert.False(cleared.InEpisode);
        Assert.True(again.Raise);
    }

    [Fact]
    public void AWindowNotYetFullChangesNothing() =>
        Assert.Equal(new ConditionStep(1, false, false, false), ConditionStep.Next(1, false, null, sustained: 3));

    [Fact]
    public void ABreakInTheStreakStartsTheSustainedCountAgain()
    {
        var broken = ConditionStep.Next(1, false, false, sustained: 2);
        var next = ConditionStep.Next(broken.Streak, broken.InEpisode, true, sustained: 2);

        Assert.False(broken.Clear);
        Assert.False(next.Raise);
    }
}
