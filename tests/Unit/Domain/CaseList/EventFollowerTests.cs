using AfterSales.Domain.CaseList;

namespace AfterSales.Tests.Unit.Domain.CaseList;

public sealed class EventFollowerTests
{
    private static Followed<string> E(string stream, long sequence, long? position = null) =>
        new(stream, sequence, Guid.CreateVersion7(), position, $"{stream}#{sequence}");

    private static EventFollower<string> Following(params (string Stream, long Applied)[] known)
    {
        var follower = new EventFollower<string>();
        foreach (var (stream, applied) in known)
        {
            follower.Know(stream, applied);
        }
        return follower;
    }

    [Fact]
    public void EventsOfAStreamComeOutInSequenceOrderWhateverOrderTheyArriveIn()
    {
        var follower = Following(("A", 0), ("B", 0));

        var ready = follower.Accept([E("A", 2), E("B", 1), E("A", 1), E("A", 3)]);

        Assert.Equal(["A#1", "A#2", "A#3", "B#1"], ready.Select(e => e.Event).Order());
        Assert.Equal(["A#1", "A#2", "A#3"], ready.Where(e => e.Stream == "A").Select(e => e.Event));
        Assert.Equal(0, follower.HeldEvents);
    }

    [Fact]
    public void AnEventAtOrBelowTheAppliedSequenceOrOfferedTwiceIsDropped()
    {
        var follower = Following(("A", 2));

        var first = follower.Accept([E("A", 1), E("A", 2), E("A", 3), E("A", 3)]);
        var again = follower.Accept([E("A", 3)]);

        Assert.Equal(["A#3"], first.Select(e => e.Event));
        Assert.Empty(again);
    }

    [Fact]
    public void AnEventAheadOfAMissingOneIsHeldAndTheGapNamed()
    {
        var follower = Following(("A", 1));

        var ready = follower.Accept([E("A", 4), E("A", 5)]);

        Assert.Empty(ready);
        Assert.Equal(2, follower.HeldEvents);
        Assert.Equal([new FollowGap("A", 1, 4)], follower.Gaps());
    }

    [Fact]
    public void FillingTheGapReleasesTheHeldEventsInOrder()
    {
        var follower = Following(("A", 1));
        follower.Accept([E("A", 4), E("A", 5)]);

        var ready = follower.Accept([E("A", 2), E("A", 3)]);

        Assert.Equal(["A#2", "A#3", "A#4", "A#5"], ready.Select(e => e.Event));
        Assert.Empty(follower.Gaps());
        Assert.Equal(0, follower.HeldEvents);
    }

    [Fact]
    public void APartlyFilledGapReleasesWhatIsContiguousAndNamesTheRest()
    {
        var follower = Following(("A", 0));
        follower.Accept([E("A", 5)]);

        var ready = follower.Accept([E("A", 1), E("A", 2)]);

        Assert.Equal(["A#1", "A#2"], ready.Select(e => e.Event));
        Assert.Equal([new FollowGap("A", 2, 5)], follower.Gaps());
    }

    [Fact]
    public void OnlyStreamsNotYetKnownAreAskedForAndAnUnknownStreamIsRefused()
    {
        var follower = Following(("A", 3));

        var unknown = follower.Unknown([E("A", 4), E("B", 1), E("B", 2), E("C", 7)]);

        Assert.Equal(["B", "C"], unknown.Order());
        Assert.Throws<InvalidOperationException>(() => follower.Accept([E("B", 1)]));
    }

    [Fact]
    public void ResumingFromACheckpointReplaysTheOverlapWithoutApplyingAnythingTwice()
    {
        // A consumer applied A#1..3 and B#1, stored them, restarted (a new follower) and re-reads an overlap.
        var follower = Following(("A", 3), ("B", 1));

        var ready = follower.Accept([E("A", 2, 10), E("A", 3, 11), E("B", 1, 12), E("A", 4, 13), E("B", 2, 14)]);

        Assert.Equal(["A#4", "B#2"], ready.Select(e => e.Event));
    }

    [Fact]
    public void TheCacheOfAppliedSequencesIsTrimmedButNeverForAStreamWithHeldEvents()
    {
        var follower = new EventFollower<string>(maxKnownStreams: 2);
        follower.Know("A", 0);
        follower.Know("B", 0);
        follower.Accept([E("A", 3)]);

        var unknown = follower.Unknown([E("C", 1)]);

        Assert.Equal(["C"], unknown);
        Assert.Equal(1, follower.KnownStreams);
        Assert.Equal([new FollowGap("A", 0, 3)], follower.Gaps());
    }
}
