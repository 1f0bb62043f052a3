using System.Collections.Immutable;
using AfterSales.Api.CaseList;
using AfterSales.Common;
using AfterSales.Kpis;

namespace AfterSales.Api.Kpis;

/// <summary>The KPI figures of a period (formulas in docs/KPIS.md; all day and week boundaries in UTC).</summary>
/// <param name="From">Start of the period (inclusive, UTC).</param>
/// <param name="To">End of the period (exclusive, UTC); the backlog is the cases open at this instant.</param>
/// <param name="Department">The department asked for (slug), or null for all.</param>
/// <param name="Region">The region asked for, or null for all.</param>
/// <param name="GroupBy">day, week, or null when no series was asked.</param>
/// <param name="TimeZone">Always UTC: the time zone of day and week boundaries and of the capacity's working days.</param>
/// <param name="Backlog">Cases open at the period's end.</param>
/// <param name="Sla">Response and resolution compliance per priority, then over all priorities (<c>all</c>).</param>
/// <param name="Mttr">Mean time to resolve the cases resolved in the period.</param>
/// <param name="FirstTimeFix">Cases resolved in the period with a visit that were fixed by their one visit.</param>
/// <param name="Reopen">Cases resolved in the period that had been reopened.</param>
/// <param name="Csat">Survey answers scoring 4 or 5 of 1–5.</param>
/// <param name="Nps">Net promoter score of the survey answers.</param>
/// <param name="Complaints">Complaints per case opened in the period (numerator: complaints on those cases).</param>
/// <param name="Technicians">Per technician: on-site hours against capacity hours.</param>
/// <param name="Series">Per day or week (when groupBy is given).</param>
/// <param name="Progress">How far the case list, and so these figures, has followed the case events.</param>
public sealed record KpiResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Department,
    string? Region,
    string? GroupBy,
    string TimeZone,
    KpiBacklog Backlog,
    ImmutableArray<KpiSlaCompliance> Sla,
    KpiMttr Mttr,
    KpiRatio FirstTimeFix,
    KpiRatio Reopen,
    KpiRatio Csat,
    KpiNps Nps,
    KpiRatio Complaints,
    ImmutableArray<KpiUtilisation> Technicians,
    ImmutableArray<KpiBucket> Series,
    CaseListProgressResponse Progress)
{
    internal static KpiResponse Of(KpiReport r) => new(
        r.Query.From, r.Query.To, r.Query.Department is { } d ? DepartmentNames.ToSlug(d) : null, r.Query.Region,
        r.Query.GroupBy switch { KpiGrouping.Day => "day", KpiGrouping.Week => "week", _ => null }, "UTC",
        r.Backlog, r.Sla, r.Mttr, r.FirstTimeFix, r.Reopen, r.Csat, r.Nps, r.Complaints, r.Technicians, r.Series,
        CaseListProgressResponse.From(r.Progress));
}
