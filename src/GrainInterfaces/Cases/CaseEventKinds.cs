namespace AfterSales.Cases;

/// <summary>The kinds of event in a case's journal (the <c>kind</c> of <c>GET /api/cases/{number}/history</c>).
/// Consumers match on these; a kind, once published, keeps its meaning.</summary>
public static class CaseEventKinds
{
    public const string Opened = "opened";
    public const string Assigned = "assigned";
    public const string Queued = "queued";
    public const string Returned = "returned";
    public const string Relaxed = "relaxed";
    public const string Overflowed = "overflowed";
    public const string Escalated = "escalated";
    public const string Transferred = "transferred";
    public const string Reassigned = "reassigned";
    public const string Rerouted = "rerouted";
    public const string Note = "note";

    /// <summary>The case was related to another one (details: <c>{relation}: {number}</c>, see <see cref="CaseRelations"/>).</summary>
    public const string Related = "related";

    /// <summary>What the case's device was entitled to on the day the case opened (warranty, contract, tier), or that it
    /// was not covered.</summary>
    public const string EntitlementChecked = "entitlementChecked";

    /// <summary>No technician of the case's department-region (nor of its overflow neighbours) has the required
    /// skills: a supervisor must act.</summary>
    public const string Unroutable = "unroutable";

    /// <summary>A case that was unroutable can be served again (someone with the skills joined or the rules changed).</summary>
    public const string Routable = "routable";

    /// <summary>A resolution named the known solution of the case's fault code that worked (details: its id and summary).</summary>
    public const string SolutionApplied = "solutionApplied";

    /// <summary>A resolution described a new solution for the case's fault code, listed for supervisors to adopt.</summary>
    public const string SolutionProposed = "solutionProposed";

    /// <summary>The case became a child of a problem (details: the problem's number, and how it was linked).</summary>
    public const string ProblemLinked = "problemLinked";

    /// <summary>A maintenance or repair visit was recorded (details: its id, technician, outcome, time on site, parts).</summary>
    public const string VisitRecorded = "visitRecorded";

    /// <summary>A problem gained a child case (details: the child's number, and how it was linked).</summary>
    public const string ChildLinked = "childLinked";

    /// <summary>A problem's resolution resolved its open children (details: which, and which were left open and why).</summary>
    public const string ChildrenResolved = "childrenResolved";

    /// <summary>A maintenance work order was opened by a device's plan or rule (details: source, period, trigger, due
    /// window and evidence).</summary>
    public const string MaintenanceDue = "maintenanceDue";

    /// <summary>A satisfaction survey was issued (details: what it asks about, its survey id and expiry; never its token).</summary>
    public const string SurveyIssued = "surveyIssued";

    /// <summary>The customer answered a survey (details: its survey id, what it asked about, the CSAT score and NPS answer).</summary>
    public const string SurveyAnswered = "surveyAnswered";

    /// <summary>A complaint was filed about the case (details: <c>complaint {id}</c>).</summary>
    public const string ComplaintFiled = "complaintFiled";
    /// <summary>The department predicts the case will breach its next SLA target (details: the target, the predicted
    /// instant, the due time).</summary>
    public const string SlaAtRisk = "slaAtRisk";

    /// <summary>The department no longer predicts a breach (details: the target).</summary>
    public const string SlaRiskCleared = "slaRiskCleared";

    /// <summary>The lifecycle actions record their own name: <c>start</c>, <c>wait</c>, <c>resume</c>, <c>resolve</c>,
    /// <c>close</c>, <c>reopen</c>, <c>cancel</c>.</summary>
    public static string Of(CaseAction action) => action switch
    {
        CaseAction.Start => "start",
        CaseAction.Wait => "wait",
        CaseAction.Resume => "resume",
        CaseAction.Resolve => "resolve",
        CaseAction.Close => "close",
        CaseAction.Reopen => "reopen",
        CaseAction.Cancel => "cancel",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a case action."),
    };

    /// <summary>The case's priority changed (details: <c>{from} → {to}: {reason}</c>; by a person or, actor
    /// <c>system</c>, by an SLA action).</summary>
    public const string PriorityChanged = "priorityChanged";

    /// <summary>A running SLA clock reached its warning point (details: <c>{target} warning at {percent}%; due {dueAt}</c>,
    /// target one of firstResponse, nextUpdate, resolution; times ISO 8601 UTC).</summary>
    public const string SlaWarning = "slaWarning";

    /// <summary>A running SLA clock reached its due time unmet (details: <c>{target} breached; due {dueAt}</c>).</summary>
    public const string SlaBreached = "slaBreached";

    /// <summary>An SLA warning or breach for the department's supervisors (details: <c>{department}/{region}: {target}
    /// {warning|breached}; due {dueAt}</c>). Consumers of the case feed (notifications, dashboards) act on it.</summary>
    public const string SlaAlert = "slaAlert";

    /// <summary>The customer's personal data was erased from the case (GDPR): subject, description, resolution summary
    /// and notes now read "[erased]" (no details).</summary>
    public const string PersonalDataErased = "personalDataErased";
}
