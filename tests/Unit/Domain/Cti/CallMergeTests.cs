using AfterSales.Cti;
using AfterSales.Domain.Cti;

namespace AfterSales.Tests.Unit.Domain.Cti;

public sealed class CallMergeTests
{
    private const string Caller = "+8613800138000";
    private const string Line = "+862150001000";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static CtiCallEvent NewCall(CallDirection direction = CallDirection.In, bool blocked = false) =>
        new("c-1", CtiEventKind.NewCall, direction, Caller, Line) { Users = ["alice", "bob"], Queue = "support", CallerBlocked = blocked };

    private static CtiCallEvent Answer() =>
        new("c-1", CtiEventKind.Answer, CallDirection.In, Caller, Line) { Users = ["alice"], AnsweringNumber = "201" };

    private static CtiCallEvent Hangup(HangupCause cause, CallDirection? direction = CallDirection.In) =>
        new("c-1", CtiEventKind.Hangup, direction, Caller, Line) { Cause = cause };

    /// <summary>Applies the events in order, a second apart, skipping repeats as the grain does.</summary>
    private static CallFacts Run(params CtiCallEvent[] events)
    {
        var facts = new CallFacts();
        var at = T0;
        foreach (var e in events)
        {
            if (!CallMerge.HasSeen(facts, e.Kind))
            {
                facts = CallMerge.Apply(facts, e, at);
            }
            at = at.AddSeconds(1);
        }
        return facts;
    }

    public static TheoryData<int[]> Orders => new() { { [0, 1, 2] }, { [0, 2, 1] }, { [1, 0, 2] }, { [1, 2, 0] }, { [2, 0, 1] }, { [2, 1, 0] } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void AnAnsweredCallEndsCompletedInWhateverOrderItsEventsArrive(int[] order)
    {
        CtiCallEvent[] events = [NewCall(), Answer(), Hangup(HangupCause.NormalClearing)];

        var facts = Run([.. order.Select(i => events[i])]);

        Assert.Equal((CallState.Ended, CallOutcome.Completed), (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts)));
        Assert.Equal((CallDirection.In, Caller, Line, "support", "alice", "201", HangupCause.NormalClearing),
            (facts.Direction, facts.From, facts.To, facts.Queue, facts.AnsweredBy, facts.AnsweringNumber, facts.Cause));
        Assert.Equal(["alice", "bob"], facts.Users.ToArray());
        Assert.False(CallMerge.NeedsCallback(facts));
    }

    [Theory]
    [InlineData(HangupCause.NoAnswer)]
    [InlineData(HangupCause.Cancel)]
    [InlineData(HangupCause.Busy)]
    public void AnUnansweredInboundCallHungUpAsNotTakenIsMissedAndWantsACallback(HangupCause cause)
    {
        var facts = Run(NewCall(), Hangup(cause));

        Assert.Equal((CallState.Ended, CallOutcome.Missed, true), (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts), CallMerge.NeedsCallback(facts)));
    }

    [Theory]
    [InlineData(HangupCause.Congestion, CallOutcome.Unanswered)]
    [InlineData(HangupCause.NotFound, CallOutcome.Unanswered)]
    [InlineData(HangupCause.NormalClearing, CallOutcome.Unanswered)]
    [InlineData(HangupCause.Forwarded, CallOutcome.Forwarded)]
    public void OtherCausesOfAnUnansweredInboundCallAreNoMissedCall(HangupCause cause, CallOutcome expected)
    {
        var facts = Run(NewCall(), Hangup(cause));

        Assert.Equal((expected, false), (CallMerge.OutcomeOf(facts), CallMerge.NeedsCallback(facts)));
    }

    [Fact]
    public void AnOutboundCallNobodyPicksUpIsUnansweredNotMissed()
    {
        var facts = Run(NewCall(CallDirection.Out), Hangup(HangupCause.NoAnswer, CallDirection.Out));

        Assert.Equal((CallOutcome.Unanswered, false), (CallMerge.OutcomeOf(facts), CallMerge.NeedsCallback(facts)));
    }

    [Fact]
    public void AHangupBeforeAnyOtherEventIsAMissedCallAlready()
    {
        var facts = Run(Hangup(HangupCause.NoAnswer));

        Assert.Equal((CallState.Ended, CallOutcome.Missed, Caller), (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts), facts.From));
        Assert.Null(facts.RangAt);
    }

    [Fact]
    public void AHangupWithoutDirectionBecomesAMissedCallWhenTheLateNewCallSaysInbound()
    {
        var hungUp = Run(Hangup(HangupCause.Cancel, direction: null));
        Assert.Equal(CallOutcome.Unanswered, CallMerge.OutcomeOf(hungUp));

        var facts = CallMerge.Apply(hungUp, NewCall(), T0.AddSeconds(5));

        Assert.Equal((CallState.Ended, CallOutcome.Missed), (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts)));
    }

    [Fact]
    public void AnAnswerBeforeItsNewCallLeavesTheCallAnsweredAndTheNewCallFillsItIn()
    {
        var answered = Run(Answer());
        Assert.Equal((CallState.Answered, CallOutcome.Pending), (CallMerge.StateOf(answered), CallMerge.OutcomeOf(answered)));

        var facts = CallMerge.Apply(answered, NewCall(), T0.AddSeconds(3));

        Assert.Equal((CallState.Answered, "support", T0.AddSeconds(3)), (CallMerge.StateOf(facts), facts.Queue, facts.RangAt));
    }

    [Fact]
    public void ABlockedInboundCallerIsRejectedAndEndsThere()
    {
        var facts = Run(NewCall(blocked: true), Hangup(HangupCause.Busy));

        Assert.Equal((CallState.Ended, CallOutcome.Rejected, false), (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts), CallMerge.NeedsCallback(facts)));
    }

    [Fact]
    public void OnlyInboundCallsAreRejected()
    {
        var facts = Run(NewCall(CallDirection.Out, blocked: true));

        Assert.Equal((false, CallState.Ringing), (facts.Rejected, CallMerge.StateOf(facts)));
    }

    [Fact]
    public void EachKindIsSeenOnceAndTheFirstValueOfAFieldIsKept()
    {
        var facts = Run(NewCall(), Answer());

        Assert.Equal((true, true, false), (CallMerge.HasSeen(facts, CtiEventKind.NewCall), CallMerge.HasSeen(facts, CtiEventKind.Answer),
            CallMerge.HasSeen(facts, CtiEventKind.Hangup)));
        var later = CallMerge.Apply(facts, new CtiCallEvent("c-1", CtiEventKind.Hangup, CallDirection.Out, "+8613900139000", null)
        {
            Cause = HangupCause.NormalClearing,
        }, T0.AddMinutes(1));
        Assert.Equal((CallDirection.In, Caller), (later.Direction, later.From));
    }

    [Fact]
    public void TheCustomerIsTheCallerInboundAndTheNumberCalledOutbound()
    {
        Assert.Equal(Caller, CallMerge.CustomerNumber(Run(NewCall())));
        Assert.Equal(Line, CallMerge.CustomerNumber(Run(NewCall(CallDirection.Out))));
        Assert.Null(CallMerge.CustomerNumber(Run(Hangup(HangupCause.Cancel, direction: null))));
    }

    [Fact]
    public void TimelineLinesNameAgentsAndCausesButNoNumber()
    {
        var facts = Run(NewCall());

        Assert.Equal("inbound; ringing alice, bob; queue support", CallMerge.Describe(NewCall(), facts));
        Assert.Equal("answered by alice", CallMerge.Describe(Answer(), facts));
        Assert.Equal("hung up: noAnswer", CallMerge.Describe(Hangup(HangupCause.NoAnswer), facts));
        Assert.Equal("rejected: the caller is blocked", CallMerge.Describe(NewCall(blocked: true), Run(NewCall(blocked: true))));
    }

    [Fact]
    public void TheCallbackCaseCarriesTheCallersNumberAndTheCall()
    {
        var facts = Run(NewCall(), Hangup(HangupCause.NoAnswer));

        Assert.Equal("Missed inbound call from +8613800138000 on 2026-12-01 08:00Z (noAnswer; PBX call c-1). Please call back. "
            + "The caller is not a known customer.", CallbackCaseText.Description(facts with { RangAt = T0, EndedAt = T0 }, "c-1", knownCustomer: false));
    }

    [Fact]
    public void ACallsKeyIsAHashOfItsIdAndItsLogShardIsOneOfTheDay()
    {
        var key = CtiKeys.Call("+8613800138000");

        Assert.Equal(key, CtiKeys.Call("+8613800138000"));
        Assert.NotEqual(key, CtiKeys.Call("+8613800138001"));
        Assert.Matches("^call-[0-9a-f]{32}$", key);
        Assert.Matches("^2026-12-01/[0-7]$", CtiKeys.LogShard(new DateOnly(2026, 12, 1), "c-1"));
    }
}
