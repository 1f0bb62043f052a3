using AfterSales.Domain.Sla;
using AfterSales.Sla;
using static AfterSales.Tests.Unit.Domain.Sla.SlaCalendars;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class SlaClockTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly BusinessCalendar Calendar = NineToFive(Berlin);

    // First response 2 h, next update 4 h, resolution 8 h, all business time; warning at 75 %.
    private static readonly SlaTerms Terms = new(
        new SlaTarget(TimeSpan.FromHours(2), SlaClockMode.Business),
        new SlaTarget(TimeSpan.FromHours(4), SlaClockMode.Business),
        new SlaTarget(TimeSpan.FromHours(8), SlaClockMode.Business), 75);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => Local(Berlin, 2026, 1, day, hour, minute).ToDateTimeOffset();

    private static readonly SlaTimes Opened = new(At(5, 10), null, null, null, [], null);

    [Fact]
    public void ANewCaseIsOkWithItsDueTimesInBusinessHours()
    {
        var clock = SlaClock.Evaluate(Terms, Opened, Calendar, At(5, 11));

        Assert.Equal(SlaState.Ok, clock.State);
        Assert.Equal(At(5, 12), clock.FirstResponse.DueAt);
        Assert.Equal(At(5, 11, 30), clock.FirstResponse.WarningAt);
        Assert.Equal(At(6, 10), clock.Resolution.DueAt);
        Assert.Null(clock.NextUpdate.StartedAt);
        Assert.Equal(At(5, 11, 30), clock.NextDueAt);
        Assert.Equal(TimeSpan.FromHours(1), clock.ElapsedBusinessTime);
    }

    [Fact]
    public void PastTheWarningPointTheCaseIsInWarningAndPastTheTargetBreached()
    {
        Assert.Equal(SlaState.Warning, SlaClock.Evaluate(Terms, Opened, Calendar, At(5, 11, 30)).State);
        var breached = SlaClock.Evaluate(Terms, Opened, Calendar, At(5, 12));
        Assert.Equal(SlaState.Breached, breached.FirstResponse.State);
        Assert.False(breached.FirstResponse.Met);
        Assert.Equal(SlaState.Breached, breached.State);
        Assert.Equal(At(5, 16), breached.NextDueAt);
    }

    [Fact]
    public void AFirstResponseInTimeIsMetAndStartsTheNextUpdateClock()
    {
        var times = Opened with { FirstResponseAt = At(5, 11), LastUpdateAt = At(5, 11) };

        var clock = SlaClock.Evaluate(Terms, times, Calendar, At(5, 16));

        Assert.True(clock.FirstResponse.Met);
        Assert.Equal(SlaState.Ok, clock.FirstResponse.State);
        Assert.Equal(At(5, 15), clock.NextUpdate.DueAt);
        Assert.Equal(SlaState.Breached, clock.NextUpdate.State);
        Assert.Equal(TimeSpan.FromHours(5), clock.NextUpdate.Elapsed);
    }

    [Fact]
    public void WhilePausedNothingIsDueAndTheClockStandsStill()
    {
        var times = Opened with { PausedSince = At(5, 11) };

        var clock = SlaClock.Evaluate(Terms, times, Calendar, At(7, 16));

        Assert.True(clock.Paused);
        Assert.Null(clock.Resolution.DueAt);
        Assert.Null(clock.NextDueAt);
        Assert.Equal(TimeSpan.FromHours(1), clock.Resolution.Elapsed);
        Assert.Equal(SlaState.Ok, clock.State);
        Assert.Equal(TimeSpan.FromHours(1), clock.ElapsedBusinessTime);
        Assert.Equal(TimeSpan.FromHours(6 + 8 + 7), clock.PausedBusinessTime);
    }

    [Fact]
    public void AfterAResumeTheDueTimesMoveByThePausedBusinessTime()
    {
        var times = Opened with { Pauses = [TimeRange.Of(At(5, 11), At(6, 11))] };

        var clock = SlaClock.Evaluate(Terms, times, Calendar, At(6, 12));

        // 8 business hours of pause: the resolution, due Tuesday 10:00, is now due Wednesday 10:00.
        Assert.Equal(At(7, 10), clock.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(2), clock.Resolution.Elapsed);
        Assert.Equal(TimeSpan.FromHours(8), clock.PausedBusinessTime);
    }

    [Fact]
    public void AResolutionStopsEveryClockAndDecidesMetOrMissed()
    {
        var inTime = SlaClock.Evaluate(Terms, Opened with { FirstResponseAt = At(5, 11), LastUpdateAt = At(5, 11), StoppedAt = At(5, 14) }, Calendar, At(9, 12));
        var late = SlaClock.Evaluate(Terms, Opened with { FirstResponseAt = At(5, 11), LastUpdateAt = At(5, 11), StoppedAt = At(6, 11) }, Calendar, At(9, 12));

        Assert.True(inTime.Resolution.Met);
        Assert.Equal(SlaState.Ok, inTime.State);
        Assert.Null(inTime.NextDueAt);
        Assert.Equal(TimeSpan.FromHours(4), inTime.ElapsedBusinessTime);
        Assert.False(late.Resolution.Met);
        Assert.Equal(SlaState.Breached, late.Resolution.State);
        Assert.Equal(At(6, 11), late.Resolution.StoppedAt);
    }

    [Fact]
    public void ACalendarTimeTargetCountsTheNight()
    {
        var terms = Terms with { Resolution = new SlaTarget(TimeSpan.FromHours(8), SlaClockMode.Calendar) };

        var clock = SlaClock.Evaluate(terms, Opened, Calendar, At(5, 12));

        Assert.Equal(At(5, 18), clock.Resolution.DueAt);
        Assert.Equal(At(5, 16), clock.Resolution.WarningAt);
    }
}
