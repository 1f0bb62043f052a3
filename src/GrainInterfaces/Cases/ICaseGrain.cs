using AfterSales.Access;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>One service case (key: case number such as <c>AS-2026-000123</c>); owns its state machine and audit trail.</summary>
[Alias("AfterSales.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case: triages it to a department in the customer's region and routes it there.
    /// A repeat with the same request hash is a replay.</summary>
    [Alias("Open")]
    Task<Result<CaseSnapshot>> OpenAsync(OpenCaseRequest request);

    /// <summary>The case, or null when no case has this number.</summary>
    [Alias("Get"), ReadOnly]
    Task<CaseSnapshot?> GetAsync();

    /// <summary>The case as <paramref name="caller"/> may see it, or null when no case has this number or the caller may
    /// not see it (the same answer, so a caller cannot learn that another customer's case exists). The grain checks the
    /// scope itself, whatever the API checked before.</summary>
    [Alias("GetFor"), ReadOnly]
    Task<CaseSnapshot?> GetForAsync(CallerScope caller);

    /// <summary>The erase of a customer's personal data reaching one of their cases: the subject, description, resolution
    /// summary and every note's text become "[erased]", recorded as one event. False when the case is not this
    /// customer's or was erased before.</summary>
    [Alias("ErasePersonalData")]
    Task<bool> ErasePersonalDataAsync(string customerId);

    /// <summary>The erase of a customer's personal data reaching one of their cases, with what it changed: as
    /// <see cref="ErasePersonalDataAsync"/>, and the personal texts of the events already in the case's journal (the
    /// opening facts, reasons, resolution summaries) rewritten to "[erased]", and the comments of the case's surveys
    /// erased. Null when the case is not this customer's or was erased before.</summary>
    [Alias("EraseCustomerData")]
    Task<CaseErasure?> EraseCustomerDataAsync(string customerId);

    /// <summary>The events with a sequence above <paramref name="afterSequence"/>, oldest first, at most
    /// <paramref name="limit"/> (1–1000); null when no case has this number. The journal is never cut.</summary>
    [Alias("GetHistoryPage"), ReadOnly]
    Task<CaseHistoryPage?> GetHistoryAsync(int afterSequence, int limit);

    /// <summary>True while the case is with <paramref name="technicianId"/> (assigned, in progress or waiting for the
    /// customer). Technicians ask it to release assignments whose case never took them (routing cut off by a crash).
    /// Interleaving: a case may be waiting on that technician at the same time.</summary>
    [Alias("IsHeldBy"), ReadOnly, AlwaysInterleave]
    Task<bool> IsHeldByAsync(string technicianId);

    /// <summary>Applies a state action; an illegal one is refused with the current state and the allowed actions.</summary>
    [Alias("Apply")]
    Task<Result<CaseSnapshot>> ApplyAsync(CaseCommand command);

    /// <summary>Adds an internal or customer-visible note.</summary>
    [Alias("AddNote")]
    Task<Result<CaseSnapshot>> AddNoteAsync(AddNoteCommand command);

    /// <summary>A department assigned this queued case. Returns false when the case no longer wants it
    /// (cancelled, already assigned to someone else, or moved to another department), so the department releases
    /// the technician. A timeout is an unknown outcome the department resolves by offering again.</summary>
    [Alias("OnAssigned"), ResponseTimeout("00:00:10")]
    Task<bool> OnAssignedAsync(DepartmentAssignment assignment);

    /// <summary>Where the case is routed, what it needs, and its last routing decisions; null when no case has this number.</summary>
    [Alias("GetRouting"), ReadOnly]
    Task<CaseRouting?> GetRoutingAsync();

    /// <summary>Escalates a customer-service case to technical-support (409 from any other department); the case
    /// keeps its number and history, leaves its technician or queue and is routed in technical-support.</summary>
    [Alias("Escalate")]
    Task<Result<CaseSnapshot>> EscalateAsync(EscalateCaseRequest request);

    /// <summary>Hands the case to another department of its region, which routes it.</summary>
    [Alias("Transfer")]
    Task<Result<CaseSnapshot>> TransferAsync(TransferCaseRequest request);

    /// <summary>Assigns the case to a given technician (supervisor). Refused with 409 and the technician's reason
    /// when it is off shift, away or without enough free capacity; 404 on <c>technicianId</c> when unknown.</summary>
    [Alias("Assign")]
    Task<Result<CaseSnapshot>> AssignAsync(AssignCaseRequest request);

    /// <summary>A department hands the case back to the queue because its technician dropped it before starting it.
    /// Returns the ticket to queue it with, or null when the case is no longer with that technician.</summary>
    [Alias("OnReturned"), ResponseTimeout("00:00:10")]
    Task<CaseTicket?> OnReturnedAsync(CaseReturn caseReturn);

    /// <summary>A department dropped the case's optional skills; recorded in the history (one-way).</summary>
    [Alias("OnRelaxed"), OneWay]
    Task OnRelaxedAsync(QueueRelaxation relaxation);

    /// <summary>What the case says about its place in a queue, for its department reconciling its queue; null when no
    /// case has this number.</summary>
    [Alias("GetQueueStanding"), ReadOnly]
    Task<CaseQueueStanding?> GetQueueStandingAsync();

    /// <summary>The department where the case waits judged why it waits (sent when the reason's kind changes). The
    /// case shows it, and records becoming and ceasing to be unroutable in its history (one-way).</summary>
    [Alias("OnWaiting"), OneWay]
    Task OnWaitingAsync(CaseWaiting waiting);

    /// <summary>Relates the case to another one (idempotent); the link shows on the case and is recorded in its history.</summary>
    [Alias("Relate")]
    Task<Result<CaseSnapshot>> RelateAsync(RelateCaseRequest request);

    /// <summary>Records a maintenance or repair visit on a fault, maintenance or installation case that is not closed or
    /// cancelled (409 otherwise, 422 for another type of case). A repeat with the same idempotency key answers the visit
    /// it recorded.</summary>
    [Alias("RecordVisit")]
    Task<Result<RecordedVisit>> RecordVisitAsync(RecordVisitRequest request);

    /// <summary>A survey of this case was answered: the case shows the response and records it in its history (once;
    /// one-way, and made good by the case checking its open surveys when it next activates).</summary>
    [Alias("OnSurveyAnswered"), OneWay]
    Task OnSurveyAnsweredAsync(Surveys.SurveyAnswered answered);

    /// <summary>A complaint was filed about this case: the case records <c>complaintFiled</c> in its history once per
    /// complaint (a repeat changes nothing), which the KPIs count.</summary>
    [Alias("OnComplaintFiled")]
    Task OnComplaintFiledAsync(string complaintId);
    /// <summary>Sets the case's priority (recorded with the reason; the SLA rule is chosen again; a queued case is
    /// queued again with it). A retry with the same idempotency key answers the case as it is.</summary>
    [Alias("ChangePriority")]
    Task<Result<CaseSnapshot>> ChangePriorityAsync(ChangePriorityRequest request);

    /// <summary>The SLA scheduler wakes the case at an instant it registered (<paramref name="fireAt"/>): the case
    /// evaluates its clock and records each warning point or due time reached, once. Returns once that is durable;
    /// a repeat or a stale instant records nothing.</summary>
    [Alias("OnSlaDue"), ResponseTimeout("00:00:10")]
    Task OnSlaDueAsync(DateTimeOffset fireAt);
    /// <summary>The case's department predicts it will breach its next SLA target, or no longer does (one-way, sent only
    /// when the verdict changes). The case keeps the flag in its SLA and records <c>slaAtRisk</c> / <c>slaRiskCleared</c>
    /// (and <c>rerouted</c> when the department acts on it early) in its history.</summary>
    [Alias("OnSlaRisk"), OneWay]
    Task OnSlaRiskAsync(CaseSlaRisk risk);
}
