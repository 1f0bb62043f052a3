using AfterSales.Domain.Sla;
using AfterSales.Sla;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class SlaMilestonesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Calendar time: first response 1 h, next update 4 h, resolution 8 h; warning at 75 %.
    private static readonly SlaTerms Terms = new(
        new SlaTarget(TimeSpan.FromHours(1), SlaClockMode.Calendar),
        new SlaTarget(TimeSpan.FromHours(4), SlaClockMode.Calendar),
        new SlaTarget(TimeSpan.FromHours(8), SlaClockMode.Calendar), 75);

    private static readonly SlaTimes Opened = new(T0, null, null, null, [], null);

    private static SlaClock Clock(SlaTimes times, DateTimeOffset now) => SlaClock.Evaluate(Terms, times, CalendarTimeline.Instance, now);

    [Fact]
    public void TheNextInstantIsTheEarliestWarningPointOrDueTimeOfARunningClock()
    {
        var clock = Clock(Opened, T0);

        Assert.Equal(T0.AddMinutes(45), SlaMilestones.Next(clock, []));
        Assert.Empty(SlaMilestones.Reached(clock, [], T0));
    }

    [Fact]
    public void EveryMilestonePassedIsReachedInTheOrderItCameWarningBeforeBreach()
    {
        var now = T0.AddHours(7);
        var reached = SlaMilestones.Reached(Clock(Opened, now), [], now);

        Assert.Equal(
            [
                (SlaTargetKind.FirstResponse, SlaMilestoneKind.Warning, T0.AddMinutes(45)),
                (SlaTargetKind.FirstResponse, SlaMilestoneKind.Breach, T0.AddHours(1)),
                (SlaTargetKind.Resolution, SlaMilestoneKind.Warning, T0.AddHours(6)),
            ],
            reached.Select(m => (m.Target, m.Kind, m.At)));
        Assert.All(reached.Where(m => m.Target == SlaTargetKind.FirstResponse), m => Assert.Equal(T0.AddHours(1), m.DueAt));
    }

    [Fact]
    public void ARememberedMilestoneIsNotReachedAgainAndTheNextInstantSkipsIt()
    {
        var now = T0.AddMinutes(50);
        var clock = Clock(Opened, now);
        var fired = SlaMilestones.Remember(clock, [], SlaMilestones.Reached(clock, [], now));

        Assert.Equal(["firstResponse/warning/2026-03-02T09:00:00.0000000Z"], fired);
        Assert.Empty(SlaMilestones.Reached(clock, fired, now));
        Assert.Equal(T0.AddHours(1), SlaMilestones.Next(clock, fired));
    }

    [Fact]
    public void AMilestoneMissedInThePastIsStillTheNextInstantSoItIsRecordedLate()
    {
        var clock = Clock(Opened, T0.AddHours(2));

        Assert.Equal(T0.AddMinutes(45), SlaMilestones.Next(clock, []));
    }

    [Fact]
    public void ANewRunOfTheNextUpdateClockIsRecordedAfreshAndTheKeysOfFinishedRunsAreDropped()
    {
        var firstRun = Opened with { FirstResponseAt = T0, LastUpdateAt = T0 };
        var late = T0.AddHours(4);
        var clock = Clock(firstRun, late);
        var fired = SlaMilestones.Remember(clock, [], SlaMilestones.Reached(clock, [], late));
        Assert.Equal(2, fired.Count(k => k.StartsWith("nextUpdate/", StringComparison.Ordinal)));

        var secondRun = firstRun with { LastUpdateAt = late };
        var next = Clock(secondRun, late);
        var kept = SlaMilestones.Remember(next, fired, []);

        Assert.DoesNotContain(kept, k => k.StartsWith("nextUpdate/", StringComparison.Ordinal));
        var then = late.AddHours(3);
        Assert.Contains(SlaMilestones.Reached(Clock(secondRun, then), kept, then),
            m => (m.Target, m.Kind, m.DueAt) == (SlaTargetKind.NextUpdate, SlaMilestoneKind.Warning, late.AddHours(4)));
    }

    [Fact]
    public void APausedOrStoppedClockHasNothingPending()
    {
        var paused = Clock(Opened with { PausedSince = T0.AddMinutes(10) }, T0.AddHours(3));
        var stopped = Clock(Opened with { FirstResponseAt = T0, StoppedAt = T0.AddMinutes(30) }, T0.AddHours(10));

        Assert.Null(SlaMilestones.Next(paused, []));
        Assert.Empty(SlaMilestones.Reached(paused, [], T0.AddHours(3)));
        Assert.Null(SlaMilestones.Next(stopped, []));
    }

    [Theory]
    [InlineData(SlaState.Ok, false, "ok")]
    [InlineData(SlaState.Ok, true, "atRisk")]
    [InlineData(SlaState.Warning, true, "warning")]
    [InlineData(SlaState.Breached, false, "breached")]
    public void TheListStateIsTheWorstStateWithAtRiskAboveOk(SlaState state, bool atRisk, string expected) =>
        Assert.Equal(expected, SlaMilestones.ListState(state, atRisk));
}
