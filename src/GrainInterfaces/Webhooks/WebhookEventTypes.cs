using System.Collections.Frozen;
using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Webhooks;

/// <summary>The case event kinds a webhook subscription can ask for: every kind a case records in its journal
/// (<see cref="CaseEventKinds"/>, the lifecycle actions included).</summary>
public static class WebhookEventTypes
{
    /// <summary>Every kind, in a stable order (the OpenAPI document lists them so).</summary>
    public static ImmutableArray<string> All { get; } =
    [
        CaseEventKinds.Opened, CaseEventKinds.Assigned, CaseEventKinds.Queued, CaseEventKinds.Returned,
        CaseEventKinds.Relaxed, CaseEventKinds.Overflowed, CaseEventKinds.Escalated, CaseEventKinds.Transferred,
        CaseEventKinds.Reassigned, CaseEventKinds.Rerouted, CaseEventKinds.Note, CaseEventKinds.Related,
        CaseEventKinds.EntitlementChecked, CaseEventKinds.Unroutable, CaseEventKinds.Routable,
        CaseEventKinds.SolutionApplied, CaseEventKinds.SolutionProposed, CaseEventKinds.ProblemLinked,
        CaseEventKinds.VisitRecorded, CaseEventKinds.ChildLinked, CaseEventKinds.ChildrenResolved,
        CaseEventKinds.MaintenanceDue, CaseEventKinds.SurveyIssued, CaseEventKinds.SurveyAnswered,
        CaseEventKinds.ComplaintFiled, CaseEventKinds.SlaAtRisk, CaseEventKinds.SlaRiskCleared,
        CaseEventKinds.PriorityChanged, CaseEventKinds.SlaWarning, CaseEventKinds.SlaBreached, CaseEventKinds.SlaAlert,
        .. Enum.GetValues<CaseAction>().Select(CaseEventKinds.Of),
    ];

    // After All: static initialisers run in text order.
    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="kind"/> is a case event kind.</summary>
    public static bool IsKnown(string kind) => Known.Contains(kind);
}
