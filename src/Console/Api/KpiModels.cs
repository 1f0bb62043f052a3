namespace AfterSales.Console.Api;

// GET /api/kpis and GET /api/surveys/results, as the KPI page charts them.

internal sealed record Kpis(DateTimeOffset From, DateTimeOffset To, KpiBacklog Backlog, IReadOnlyList<KpiSla> Sla, KpiMttr Mttr,
    KpiRatio FirstTimeFix, KpiRatio Reopen, KpiRatio Csat, KpiNps Nps, KpiRatio Complaints, IReadOnlyList<KpiUtilisation> Technicians,
    IReadOnlyList<KpiBucket> Series);

internal sealed record KpiBacklog(long Total, IReadOnlyList<KpiCount> ByStatus, IReadOnlyList<KpiCount> ByPriority);

internal sealed record KpiCount(string Key, long Count);

internal sealed record KpiSla(string Priority, KpiRatio Response, KpiRatio Resolution);

internal sealed record KpiMttr(long Resolved, double? Hours);

internal sealed record KpiRatio(long Numerator, long Denominator, double? Percent);

internal sealed record KpiNps(long Answers, long Promoters, long Detractors, double? Score);

internal sealed record KpiUtilisation(string TechnicianId, long Visits, double OnSiteHours, double CapacityHours, double? Percent);

internal sealed record KpiBucket(DateTimeOffset Start, long Created, long Resolved, double? MttrHours, long ResponseBreaches, long ResolutionBreaches);

internal sealed record SurveyResults(DateOnly From, DateOnly To, SurveyFigures Totals, IReadOnlyList<SurveyDay> Days);

internal sealed record SurveyFigures(long Issued, long Responses, double? CsatAverage, double? CsatSatisfiedPercent, double? Nps);

internal sealed record SurveyDay(DateOnly Day, SurveyFigures Figures);
