using System.Collections.Frozen;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;

namespace AfterSales.Domain.Privacy;

/// <summary>Which parts of a case event written before a GDPR erase may hold personal data, and the event's data with
/// them replaced: the list facts' subject and description (the customer's own words) and the details of every event
/// whose details carry text a person typed (reasons, resolution summaries, solution summaries, the opening line of a
/// problem). Details the platform writes from ids, enums and numbers only stay, so the history keeps its structure.</summary>
/// <remarks>Deny by default: a kind not listed here as platform-written has its details erased, so a new event kind
/// with free text is erased until someone decides otherwise.</remarks>
internal static class CaseEventErasure
{
    /// <summary>Kinds whose details are composed by the platform from ids, enum names, numbers and times.</summary>
    private static readonly FrozenSet<string> PlatformDetails = new[]
    {
        CaseEventKinds.Assigned, CaseEventKinds.Queued, CaseEventKinds.Relaxed, CaseEventKinds.Overflowed, CaseEventKinds.Rerouted,
        CaseEventKinds.Note, CaseEventKinds.Related, CaseEventKinds.EntitlementChecked, CaseEventKinds.Unroutable,
        CaseEventKinds.Routable, CaseEventKinds.ProblemLinked, CaseEventKinds.VisitRecorded, CaseEventKinds.ChildLinked,
        CaseEventKinds.MaintenanceDue, CaseEventKinds.SurveyIssued, CaseEventKinds.SurveyAnswered, CaseEventKinds.ComplaintFiled,
        CaseEventKinds.SlaAtRisk, CaseEventKinds.SlaRiskCleared, CaseEventKinds.SlaWarning, CaseEventKinds.SlaBreached,
        CaseEventKinds.SlaAlert, CaseEventKinds.PersonalDataErased,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The event's data with its personal parts erased, or null when it holds none (nothing to rewrite).</summary>
    public static string? Erase(string kind, string data)
    {
        var payload = CaseEventPayload.Deserialize(data);
        var details = PlatformDetails.Contains(kind) ? payload.Details : ErasedText.Of(payload.Details);
        var facts = payload.Facts is { } f
            ? f with { Subject = ErasedText.Of(f.Subject)!, Description = ErasedText.Of(f.Description) }
            : null;
        var erased = payload with { Details = details, Facts = facts };
        return erased == payload ? null : erased.Serialize();
    }
}
