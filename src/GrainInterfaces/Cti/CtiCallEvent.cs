using System.Collections.Immutable;

namespace AfterSales.Cti;

/// <summary>One Generic CTI event about a call, checked by the API: phone numbers already in E.164 (null when the PBX sent
/// none or a withheld one such as <c>anonymous</c>).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CtiCallEvent")]
public sealed record CtiCallEvent(
    [property: Id(0)] string CallId,
    [property: Id(1)] CtiEventKind Kind,
    [property: Id(2)] CallDirection? Direction,
    [property: Id(3)] string? From,
    [property: Id(4)] string? To)
{
    /// <summary>The agents whose phones ring (<c>newCall</c>) or the agent who answered (<c>answer</c>).</summary>
    [Id(5)] public ImmutableArray<string> Users { get; init; } = [];

    /// <summary>The PBX queue the call came through (<c>newCall</c>, optional).</summary>
    [Id(6)] public string? Queue { get; init; }

    /// <summary>The number that answered, E.164 when it is one, else as sent (an extension such as <c>201</c>).</summary>
    [Id(7)] public string? AnsweringNumber { get; init; }

    /// <summary>Why the call ended (<c>hangup</c> only).</summary>
    [Id(8)] public HangupCause? Cause { get; init; }

    /// <summary>The caller is on the blocked list: an inbound <c>newCall</c> is refused.</summary>
    [Id(9)] public bool CallerBlocked { get; init; }
}

/// <summary>What the PBX is told about an event: nothing to do (<c>{}</c>) or reject the call as busy.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CtiEventResult")]
public sealed record CtiEventResult(
    [property: Id(0)] bool Reject,
    [property: Id(1)] bool Replayed,
    [property: Id(2)] CtiCallSnapshot Call);
