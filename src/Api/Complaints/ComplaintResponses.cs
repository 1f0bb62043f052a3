using AfterSales.Api.Cases;
using AfterSales.Api.Hosting;
using AfterSales.Complaints;

namespace AfterSales.Api.Complaints;

/// <summary>A complaint. <paramref name="Version"/> is also sent as the <c>ETag</c> header.</summary>
/// <param name="Acknowledgement">The acknowledgement target: when it is due, when the complaint was acknowledged, whether it was met.</param>
/// <param name="Findings">The root cause and corrective action submitted for review, and who approved them; null before the first submission.</param>
/// <param name="ResolvedAt">When the review approved the findings (the last time, after a rejection).</param>
/// <param name="AutoCloseAt">While resolved: when the complaint closes by itself unless the customer confirms or rejects first.</param>
/// <param name="Closure"><c>confirmed</c> by the customer or closed on <c>timeout</c>; null while open.</param>
/// <param name="ReopenCount">How often the customer rejected a resolution.</param>
/// <param name="SendBackCount">How often a review sent the findings back.</param>
/// <param name="AllowedActions">The lifecycle actions the complaint accepts now (each is <c>POST /api/complaints/{id}/{action}</c>).</param>
/// <param name="Version">Increases with every change; send it back in <c>If-Match</c>.</param>
public sealed record ComplaintResponse(
    string Id,
    string CustomerId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    ComplaintSeverity Severity,
    string Description,
    ComplaintStatus Status,
    string? CaseNumber,
    string? DeviceSerial,
    string? TechnicianId,
    DateTimeOffset ReceivedAt,
    string ReceivedBy,
    AcknowledgementResponse Acknowledgement,
    FindingsResponse? Findings,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AutoCloseAt,
    DateTimeOffset? ClosedAt,
    ComplaintClosure? Closure,
    int ReopenCount,
    int SendBackCount,
    IReadOnlyList<CaseNoteResponse> Notes,
    IReadOnlyList<ComplaintAction> AllowedActions,
    DateTimeOffset UpdatedAt,
    int Version)
{
    internal static ComplaintResponse From(ComplaintSnapshot c) => new(
        c.Id, c.CustomerId, c.Channel, c.Category, c.Severity, c.Description, c.Status, c.CaseNumber, c.DeviceSerial, c.TechnicianId,
        c.ReceivedAt, c.ReceivedBy, new AcknowledgementResponse(c.Acknowledgement.DueAt, c.Acknowledgement.At, c.Acknowledgement.Met),
        c.Findings is { } f ? new FindingsResponse(f.RootCause, f.CorrectiveAction, f.SubmittedBy, f.SubmittedAt, f.ReviewedBy, f.ReviewedAt) : null,
        c.ResolvedAt, c.AutoCloseAt, c.ClosedAt, c.Closure, c.ReopenCount, c.SendBackCount,
        [.. c.Notes.OrEmpty().Select(CaseNoteResponse.From)], c.AllowedActions.OrEmpty(), c.UpdatedAt, c.Version);
}

/// <summary>A complaint's acknowledgement target.</summary>
/// <param name="DueAt">Received + the target of the severity (calendar time); an escalation before the acknowledgement can bring it forward.</param>
/// <param name="At">When the complaint was acknowledged; null before.</param>
/// <param name="Met">True when acknowledged by <paramref name="DueAt"/>; false when acknowledged later, or still not and past it; null while pending and not yet due.</param>
public sealed record AcknowledgementResponse(DateTimeOffset DueAt, DateTimeOffset? At, bool? Met);

/// <summary>What the investigation found and who reviewed it.</summary>
/// <param name="ReviewedBy">Who approved the findings (never who submitted them); null until approved.</param>
public sealed record FindingsResponse(
    RootCauseCategory RootCause, string CorrectiveAction, string SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt);

/// <summary>One event of a complaint: every change to a complaint is one.</summary>
/// <param name="Sequence">1, 2, 3… per complaint, without gaps.</param>
/// <param name="EventId">Unique across every stream: de-duplicate by it.</param>
/// <param name="Kind">What happened: <c>received</c>, an action's name (<c>acknowledge</c>, <c>investigate</c>, <c>submitForReview</c>,
/// <c>approve</c>, <c>sendBack</c>, <c>confirm</c>, <c>reject</c>), <c>escalated</c>, <c>note</c>, <c>acknowledgementOverdue</c>, <c>autoClosed</c>.</param>
/// <param name="From">Status before, when the status changed.</param>
/// <param name="To">Status after, when the status changed.</param>
public sealed record ComplaintEventResponse(
    long Sequence, Guid EventId, DateTimeOffset At, string Actor, string Kind, ComplaintStatus? From, ComplaintStatus? To, string? Details)
{
    internal static ComplaintEventResponse FromEvent(ComplaintEvent e) => new(e.Sequence, e.EventId, e.At, e.Actor, e.Kind, e.From, e.To, e.Details);
}

/// <summary>A page of a complaint's events.</summary>
/// <param name="LastSequence">The complaint's latest event sequence.</param>
/// <param name="Next">The path of the following page while more events follow; null on the last page.</param>
public sealed record ComplaintHistoryResponse(IReadOnlyList<ComplaintEventResponse> Events, long LastSequence, string? Next);

/// <summary>A complaint as the lists of its customer, case and technician show it.</summary>
public sealed record ComplaintEntryResponse(
    string Id, ComplaintStatus Status, ComplaintSeverity Severity, ComplaintCategory Category, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt)
{
    internal static ComplaintEntryResponse From(ComplaintEntry e) => new(e.Id, e.Status, e.Severity, e.Category, e.ReceivedAt, e.UpdatedAt);
}

/// <summary>How many complaints a technician has.</summary>
/// <param name="Open">Complaints not closed yet (a resolved one waits for the customer's answer).</param>
/// <param name="Total">Every complaint ever filed naming the technician.</param>
/// <param name="Last">The one received last; null when there is none.</param>
public sealed record ComplaintTallyResponse(int Open, int Total, ComplaintEntryResponse? Last)
{
    internal static ComplaintTallyResponse From(ComplaintTally t) =>
        new(t.Open, t.Total, t.Last is { } last ? ComplaintEntryResponse.From(last) : null);
}

/// <summary>A technician's complaints, newest first, and the tally.</summary>
public sealed record ComplaintListResponse(IReadOnlyList<ComplaintEntryResponse> Complaints, ComplaintTallyResponse Tally)
{
    internal static ComplaintListResponse From(ComplaintList list) =>
        new([.. list.Items.OrEmpty().Select(ComplaintEntryResponse.From)], ComplaintTallyResponse.From(list.Tally));
}
