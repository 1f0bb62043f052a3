using AfterSales.Api.Departments;
using AfterSales.Api.Hosting;
using AfterSales.Api.Installation;
using AfterSales.Api.Sla;
using AfterSales.Api.Surveys;
using AfterSales.Api.Visits;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Api.Cases;

/// <summary>A service case. <paramref name="Version"/> is also sent as the <c>ETag</c> header.</summary>
/// <param name="CustomerId">The customer the case is for; null for a problem that detection opened (it is for no one customer).</param>
/// <param name="Category">The fault category given at open (drives the skill rules), or null.</param>
/// <param name="AllowedActions">The state actions the case accepts now.</param>
/// <param name="Version">Increases with every change; send it back in <c>If-Match</c>.</param>
/// <param name="Waiting">Why the case waits while it is queued (null otherwise).</param>
/// <param name="Entitlement">What the case's device was entitled to on the day the case opened; null without a device.</param>
/// <param name="InstallationWindow">An installation work order's window agreed with the customer; null for other cases.</param>
/// <param name="RelatedCases">Cases this one is related to (a failed commissioning links its work order and fault case both ways).</param>
/// <param name="ShipmentId">The shipment that opened this installation work order, if one did.</param>
/// <param name="FaultCode">The fault code of a fault case (or of the faults a problem groups), or null.</param>
/// <param name="KnownSolutions">The solutions the model knows for the fault code, with how often each worked (as the model is now).</param>
/// <param name="SolutionId">The known solution the resolution recorded as the one that worked, or null.</param>
/// <param name="ProposedSolution">The new solution the resolution described, listed for supervisors to adopt, or null.</param>
/// <param name="Problem">The problem case this case is a child of, or null.</param>
/// <param name="Children">A problem's child cases, in the order they were linked.</param>
/// <param name="Scope">What a problem groups (model, fault code, serial range, number of faults); null for other cases.</param>
/// <param name="Visits">The maintenance and repair visits recorded on the case, in the order they were recorded.</param>
/// <param name="Maintenance">What a maintenance work order of a device's plan or rule is for: source (plan or rule id),
/// period, trigger (time, usage, condition), due window and evidence; null for other cases.</param>
/// <param name="Surveys">The satisfaction surveys issued on the case (one per resolution and per visit), oldest first, with
/// their links for the customer and where each stands.</param>
/// <param name="Sla">The case's SLA as of this read (targets, due times, elapsed and paused business time, met or missed,
/// state); null when no rule of the SLA policy matches the case.</param>
public sealed record CaseResponse(
    string Number,
    CaseType Type,
    CasePriority Priority,
    CaseChannel Channel,
    CaseStatus Status,
    string? CustomerId,
    string? DeviceSerial,
    string? Category,
    string Subject,
    string Description,
    Department Department,
    string Region,
    string? AssignedTechnicianId,
    IReadOnlyList<CaseNoteResponse> Notes,
    string? ResolutionSummary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    int ReopenCount,
    IReadOnlyList<CaseAction> AllowedActions,
    int Version,
    WaitingReasonResponse? Waiting,
    EntitlementResponse? Entitlement,
    InstallationWindowResponse? InstallationWindow,
    IReadOnlyList<RelatedCaseResponse> RelatedCases,
    string? ShipmentId,
    string? FaultCode,
    IReadOnlyList<KnownSolution> KnownSolutions,
    string? SolutionId,
    string? ProposedSolution,
    string? Problem,
    IReadOnlyList<string> Children,
    ProblemScopeResponse? Scope,
    IReadOnlyList<VisitResponse> Visits,
    MaintenanceOrder? Maintenance,
    IReadOnlyList<CaseSurveyResponse> Surveys,
    CaseSlaResponse? Sla)
{
    internal static CaseResponse From(CaseSnapshot c) => new(
        c.Number, c.Type, c.Priority, c.Channel, c.Status, string.IsNullOrEmpty(c.CustomerId) ? null : c.CustomerId, c.DeviceSerial, c.Category, c.Subject, c.Description,
        c.Department, c.Region, c.AssignedTechnicianId, [.. c.Notes.OrEmpty().Select(CaseNoteResponse.From)],
        c.ResolutionSummary, c.CreatedAt, c.FirstResponseAt, c.ResolvedAt, c.ClosedAt, c.UpdatedAt, c.ReopenCount,
        c.AllowedActions.OrEmpty(), c.Version, c.Waiting is { } waiting ? WaitingReasonResponse.From(waiting) : null,
        EntitlementResponse.From(c.Entitlement),
        InstallationWindowResponse.From(c.InstallationWindow), [.. c.RelatedCases.OrEmpty().Select(RelatedCaseResponse.From)], c.ShipmentId,
        c.FaultCode, c.KnownSolutions.OrEmpty(), c.SolutionId, c.ProposedSolution, c.Problem, c.Children.OrEmpty(),
        c.Scope is { } scope ? ProblemScopeResponse.From(scope) : null, [.. c.Visits.OrEmpty().Select(VisitResponse.From)],
        c.Maintenance, [.. c.Surveys.OrEmpty().Select(CaseSurveyResponse.From)], CaseSlaResponse.From(c.Sla));

    /// <summary>The ids of the complaints about this case, newest first; shown by <c>GET /api/cases/{number}</c> only
    /// (null in the answers to changes). Not part of the case's ETag: a complaint changes its own version.</summary>
    public IReadOnlyList<string>? Complaints { get; init; }
}

/// <summary>What a problem groups: faults of one model and fault code on a range of serials (same prefix, numbers less than
/// the configured range width apart).</summary>
/// <param name="LowestSerial">The lowest serial of the range.</param>
/// <param name="HighestSerial">The highest serial of the range.</param>
/// <param name="Faults">How many fault cases detection found in the range (supervisors' links not counted).</param>
/// <param name="Window">The sliding window they were counted in, <c>[d.]hh:mm:ss</c>.</param>
public sealed record ProblemScopeResponse(string Model, string FaultCode, string LowestSerial, string HighestSerial, int Faults, TimeSpan Window)
{
    internal static ProblemScopeResponse From(ProblemScope scope) =>
        new(scope.Model, scope.FaultCode, scope.LowestSerial, scope.HighestSerial, scope.Faults, scope.Window);
}

/// <summary>A note on a case.</summary>
public sealed record CaseNoteResponse(int Id, string Text, NoteVisibility Visibility, string Author, DateTimeOffset CreatedAt)
{
    internal static CaseNoteResponse From(CaseNote note) => new(note.Id, note.Text, note.Visibility, note.Author, note.CreatedAt);
}

/// <summary>One event of a case: every change to a case is one.</summary>
/// <param name="Sequence">1, 2, 3… per case, without gaps.</param>
/// <param name="EventId">Unique across every case: de-duplicate by it.</param>
/// <param name="Action">The kind of event: e.g. <c>opened</c>, <c>assigned</c>, <c>queued</c>, <c>start</c>, <c>note</c>,
/// <c>resolve</c>, <c>unroutable</c>.</param>
/// <param name="From">Status before, when the status changed.</param>
/// <param name="To">Status after, when the status changed.</param>
public sealed record CaseEventResponse(
    int Sequence,
    Guid EventId,
    DateTimeOffset At,
    string Actor,
    string Action,
    CaseStatus? From,
    CaseStatus? To,
    string? Details)
{
    internal static CaseEventResponse FromEvent(CaseEvent e) => new(e.Sequence, e.EventId, e.At, e.Actor, e.Action, e.From, e.To, e.Details);
}

/// <summary>One page of a case's events.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="LastSequence">The case's latest event sequence.</param>
/// <param name="Next">The following page's path while more events follow; null on the last page.</param>
public sealed record CaseHistoryResponse(CaseEventResponse[] Events, int LastSequence, string? Next);
