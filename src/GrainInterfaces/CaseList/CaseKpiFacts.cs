namespace AfterSales.CaseList;

/// <summary>What the KPIs need of one case, folded from its events in order (each applied once): the instants the
/// period filters select on and the counts the figures sum.</summary>
/// <param name="FirstResponseAt">The first <c>start</c> or customer-visible note (the SLA's first response).</param>
/// <param name="ReopenCount">How many times the case was reopened.</param>
/// <param name="VisitCount">Field visits recorded on the case.</param>
/// <param name="FirstVisitFixed">Whether the first visit's outcome was <c>fixed</c>.</param>
/// <param name="VisitMinutes">Minutes on site over all its visits.</param>
/// <param name="LastVisitAt">When its last visit was recorded.</param>
/// <param name="ResponseBreachedAt">When the first-response target was first breached (<c>slaBreached</c>).</param>
/// <param name="ResolutionBreachedAt">When the resolution target was first breached.</param>
/// <param name="SurveyAnswers">Survey answers received for the case.</param>
/// <param name="SurveySatisfied">Answers scoring 4 or 5 (of 1–5).</param>
/// <param name="NpsPromoters">Answers with an NPS of 9 or 10.</param>
/// <param name="NpsDetractors">Answers with an NPS of 0 to 6.</param>
/// <param name="LastSurveyAt">When its last survey answer arrived.</param>
/// <param name="ComplaintCount">Complaints filed about the case.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseKpiFacts")]
public sealed record CaseKpiFacts(
    [property: Id(0)] DateTimeOffset? FirstResponseAt = null,
    [property: Id(1)] int ReopenCount = 0,
    [property: Id(2)] int VisitCount = 0,
    [property: Id(3)] bool FirstVisitFixed = false,
    [property: Id(4)] int VisitMinutes = 0,
    [property: Id(5)] DateTimeOffset? LastVisitAt = null,
    [property: Id(6)] DateTimeOffset? ResponseBreachedAt = null,
    [property: Id(7)] DateTimeOffset? ResolutionBreachedAt = null,
    [property: Id(8)] int SurveyAnswers = 0,
    [property: Id(9)] int SurveySatisfied = 0,
    [property: Id(10)] int NpsPromoters = 0,
    [property: Id(11)] int NpsDetractors = 0,
    [property: Id(12)] DateTimeOffset? LastSurveyAt = null,
    [property: Id(13)] int ComplaintCount = 0)
{
    /// <summary>A case none of whose events touched a KPI yet.</summary>
    public static readonly CaseKpiFacts None = new();
}
