using System.Collections.Immutable;

namespace AfterSales.Cti;

/// <summary>Everything the PBX said about one call, merged whatever order the events came in: the first value sent for a
/// field is kept.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CallFacts")]
public sealed record CallFacts
{
    [Id(0)] public CallDirection? Direction { get; init; }

    /// <summary>The calling number in E.164, null when withheld.</summary>
    [Id(1)] public string? From { get; init; }

    /// <summary>The called number in E.164, null when not a phone number.</summary>
    [Id(2)] public string? To { get; init; }

    [Id(3)] public ImmutableArray<string> Users { get; init; } = [];

    [Id(4)] public string? Queue { get; init; }

    /// <summary>When <c>newCall</c> arrived.</summary>
    [Id(5)] public DateTimeOffset? RangAt { get; init; }

    [Id(6)] public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The agent named in <c>answer</c>'s <c>user</c>.</summary>
    [Id(7)] public string? AnsweredBy { get; init; }

    [Id(8)] public string? AnsweringNumber { get; init; }

    [Id(9)] public DateTimeOffset? EndedAt { get; init; }

    [Id(10)] public HangupCause? Cause { get; init; }

    /// <summary>The caller was blocked at <c>newCall</c> and the PBX told to reject the call.</summary>
    [Id(11)] public bool Rejected { get; init; }

    /// <summary>True when the hangup found the call unanswered: the outcome is decided then, so an answer arriving after
    /// a hangup that said nobody answered does not make a missed call answered.</summary>
    [Id(12)] public bool EndedUnanswered { get; init; }
}

/// <summary>One event of a call as it arrived.</summary>
/// <param name="Detail">What it said, e.g. <c>answered by alice</c>, <c>noAnswer</c>.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CallTimelineEntry")]
public sealed record CallTimelineEntry(
    [property: Id(0)] CtiEventKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Detail);

/// <summary>A call as the agents' desktops see it.</summary>
/// <param name="StartedAt">When the first of its events arrived.</param>
/// <param name="CustomerId">The customer listing the caller's number (inbound) or the number called (outbound), when any.</param>
/// <param name="CallbackCase">The case opened because the call was missed, once it is open.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CtiCallSnapshot")]
public sealed record CtiCallSnapshot(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallState State,
    [property: Id(2)] CallOutcome Outcome,
    [property: Id(3)] CallFacts Facts,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] string? CustomerId,
    [property: Id(6)] string? CallbackCase,
    [property: Id(7)] ImmutableArray<CallTimelineEntry> Timeline);
