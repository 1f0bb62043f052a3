using System.Collections.Immutable;

namespace AfterSales.Complaints;

/// <summary>The kinds of event in a complaint's journal (stream type <c>complaint</c>). Consumers match on these; a
/// kind, once published, keeps its meaning. The lifecycle actions record their camelCase name (<c>acknowledge</c>,
/// <c>investigate</c>, <c>submitForReview</c>, <c>approve</c>, <c>sendBack</c>, <c>confirm</c>, <c>reject</c>).</summary>
public static class ComplaintEventKinds
{
    /// <summary>The complaint was filed (details: channel, category, severity, links).</summary>
    public const string Received = "received";

    /// <summary>The acknowledgement target passed with the complaint still unacknowledged (recorded once).</summary>
    public const string AcknowledgementOverdue = "acknowledgementOverdue";

    /// <summary>The severity was raised (details: from, to, reason).</summary>
    public const string Escalated = "escalated";

    /// <summary>A note was added (details: its visibility and id).</summary>
    public const string Note = "note";

    /// <summary>The customer did not answer within the configured time after the resolution: closed by the platform.</summary>
    public const string AutoClosed = "autoClosed";

    /// <summary>The GDPR erase of the complaint's customer replaced the description, the notes, the corrective action and
    /// the texts of the earlier events' details with "[erased]" (no details).</summary>
    public const string PersonalDataErased = "personalDataErased";
}

/// <summary>One event of a complaint's journal.</summary>
/// <param name="Sequence">1, 2, 3… per complaint, without gaps.</param>
/// <param name="Kind">One of <see cref="ComplaintEventKinds"/> or an action's name.</param>
/// <param name="From">Status before, when the status changed.</param>
/// <param name="To">Status after, when the status changed.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintEvent")]
public sealed record ComplaintEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Kind,
    [property: Id(5)] ComplaintStatus? From,
    [property: Id(6)] ComplaintStatus? To,
    [property: Id(7)] string? Details);

/// <summary>One page of a complaint's events, in sequence order.</summary>
/// <param name="LastSequence">The complaint's latest event sequence: more events follow when it is above the last event's.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintHistoryPage")]
public sealed record ComplaintHistoryPage(
    [property: Id(0)] ImmutableArray<ComplaintEvent> Events,
    [property: Id(1)] long LastSequence)
{
    /// <summary>True when events follow this page.</summary>
    public bool HasMore => !Events.IsDefaultOrEmpty && Events[^1].Sequence < LastSequence;
}
