using System.Collections.Immutable;
using AfterSales.Cti;

namespace AfterSales.Domain.Cti;

/// <summary>
/// The call state machine of the Generic CTI events. A PBX sends <c>newCall</c>, <c>answer</c> and <c>hangup</c> once each
/// per call, but over HTTP they can arrive late, twice or in another order, so the state is not advanced step by step: each
/// event adds its facts (the first value of a field wins, the ringing agents are a union) and the state and outcome are
/// read from the facts alone. Any order of the same events therefore ends in the same state.
/// </summary>
internal static class CallMerge
{
    /// <summary>The hangup causes that mean an inbound call was not taken.</summary>
    public static bool IsMissedCause(HangupCause cause) => cause is HangupCause.NoAnswer or HangupCause.Cancel or HangupCause.Busy;

    /// <summary>True when the call already has an event of this kind: a repeat, which changes nothing.</summary>
    public static bool HasSeen(CallFacts facts, CtiEventKind kind) => kind switch
    {
        CtiEventKind.NewCall => facts.RangAt is not null,
        CtiEventKind.Answer => facts.AnsweredAt is not null,
        CtiEventKind.Hangup => facts.EndedAt is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a CTI event."),
    };

    /// <summary>The facts after <paramref name="callEvent"/> arrived at <paramref name="at"/>; the caller checks
    /// <see cref="HasSeen"/> first.</summary>
    public static CallFacts Apply(CallFacts facts, CtiCallEvent callEvent, DateTimeOffset at)
    {
        var merged = facts with
        {
            Direction = facts.Direction ?? callEvent.Direction,
            From = facts.From ?? callEvent.From,
            To = facts.To ?? callEvent.To,
            Queue = facts.Queue ?? callEvent.Queue,
            AnsweringNumber = facts.AnsweringNumber ?? callEvent.AnsweringNumber,
        };
        var users = callEvent.Users.IsDefault ? [] : callEvent.Users;
        return callEvent.Kind switch
        {
            CtiEventKind.NewCall => merged with
            {
                RangAt = at,
                Users = Union(facts.Users, users),
                // Only an inbound call is refused (as Zammad does): the list is of callers, not of numbers called.
                Rejected = callEvent.CallerBlocked && merged.Direction == CallDirection.In,
            },
            CtiEventKind.Answer => merged with
            {
                AnsweredAt = at,
                AnsweredBy = facts.AnsweredBy ?? users.FirstOrDefault(),
            },
            CtiEventKind.Hangup => merged with
            {
                EndedAt = at,
                Cause = facts.Cause ?? callEvent.Cause,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(callEvent), callEvent.Kind, "Not a CTI event."),
        };
    }

    /// <summary>Ended once hung up or rejected, else answered once answered, else ringing.</summary>
    public static CallState StateOf(CallFacts facts) =>
        facts.EndedAt is not null || facts.Rejected ? CallState.Ended
        : facts.AnsweredAt is not null ? CallState.Answered
        : CallState.Ringing;

    /// <summary>How the call went; <see cref="CallOutcome.Pending"/> until it ended.</summary>
    public static CallOutcome OutcomeOf(CallFacts facts)
    {
        if (facts.Rejected)
        {
            return CallOutcome.Rejected;
        }
        if (facts.EndedAt is null)
        {
            return CallOutcome.Pending;
        }
        if (facts.AnsweredAt is not null)
        {
            return CallOutcome.Completed;
        }
        if (facts.Cause == HangupCause.Forwarded)
        {
            return CallOutcome.Forwarded;
        }
        return facts.Direction == CallDirection.In && facts.Cause is { } cause && IsMissedCause(cause)
            ? CallOutcome.Missed
            : CallOutcome.Unanswered;
    }

    /// <summary>A missed inbound call wants a callback case (the caller keeps it exactly once).</summary>
    public static bool NeedsCallback(CallFacts facts) => OutcomeOf(facts) == CallOutcome.Missed;

    /// <summary>The customer's side of the call: the caller of an inbound call, the number called on an outbound one;
    /// null while the direction is unknown.</summary>
    public static string? CustomerNumber(CallFacts facts) => facts.Direction switch
    {
        CallDirection.In => facts.From,
        CallDirection.Out => facts.To,
        _ => null,
    };

    /// <summary>The timeline line of an event, without phone numbers: they are in the facts, shown once.</summary>
    public static string Describe(CtiCallEvent callEvent, CallFacts after) => callEvent.Kind switch
    {
        CtiEventKind.NewCall when after.Rejected => "rejected: the caller is blocked",
        CtiEventKind.NewCall => Join(
            callEvent.Direction is { } direction ? (direction == CallDirection.In ? "inbound" : "outbound") : null,
            callEvent.Users.IsDefaultOrEmpty ? null : "ringing " + string.Join(", ", callEvent.Users),
            callEvent.Queue is { } queue ? "queue " + queue : null),
        CtiEventKind.Answer => callEvent.Users.IsDefaultOrEmpty ? "answered" : "answered by " + callEvent.Users[0],
        CtiEventKind.Hangup => callEvent.Cause is { } cause ? "hung up: " + CamelNames.Of(cause) : "hung up",
        _ => throw new ArgumentOutOfRangeException(nameof(callEvent), callEvent.Kind, "Not a CTI event."),
    };

    private static string Join(params string?[] parts) =>
        parts.Any(p => p is not null) ? string.Join("; ", parts.OfType<string>()) : "new call";

    private static ImmutableArray<string> Union(ImmutableArray<string> held, ImmutableArray<string> added) =>
        held.IsDefaultOrEmpty ? added : [.. held.Concat(added).Distinct(StringComparer.Ordinal)];
}
