namespace AfterSales.Cti;

/// <summary>The events of Zammad's Generic CTI protocol, as a PBX sends them in <c>event</c>.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CtiEventKind")]
public enum CtiEventKind
{
    NewCall = 0,
    Answer = 1,
    Hangup = 2,
}

/// <summary>Which way a call goes, seen from the call centre (<c>in</c>: a customer calls; <c>out</c>: an agent calls).</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CallDirection")]
public enum CallDirection
{
    In = 0,
    Out = 1,
}

/// <summary>Why a call ended, as the PBX reports it in <c>cause</c>.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.HangupCause")]
public enum HangupCause
{
    NormalClearing = 0,
    Busy = 1,
    Cancel = 2,
    NoAnswer = 3,
    Congestion = 4,
    NotFound = 5,
    Forwarded = 6,
}

/// <summary>Where a call stands: ringing after <c>newCall</c>, answered, ended by a hangup (whatever order the events
/// arrived in).</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CallState")]
public enum CallState
{
    Ringing = 0,
    Answered = 1,
    Ended = 2,
}

/// <summary>How an ended call went; <see cref="Pending"/> until the hangup.</summary>
[GenerateSerializer, Alias("AfterSales.Cti.CallOutcome")]
public enum CallOutcome
{
    Pending = 0,
    /// <summary>Answered, then hung up.</summary>
    Completed = 1,
    /// <summary>An inbound call nobody answered (<c>noAnswer</c>, <c>cancel</c>, <c>busy</c>): a callback case opens.</summary>
    Missed = 2,
    /// <summary>An inbound call from a blocked number, refused at <c>newCall</c>.</summary>
    Rejected = 3,
    /// <summary>Handed on elsewhere by the PBX (<c>forwarded</c>) without being answered here.</summary>
    Forwarded = 4,
    /// <summary>Ended without an answer for any other reason (an outbound call not picked up, congestion, not found).</summary>
    Unanswered = 5,
}
