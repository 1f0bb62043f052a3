namespace AfterSales.Kpis;

/// <summary>What a case-list store sums for <c>GET /api/kpis</c> (one query per part); the figures are computed from
/// these by <c>KpiFigures</c>, the same for every store. Dimensions are the stored names (department slug, camelCase
/// enums), null when a row has none.</summary>
public sealed record KpiSums(
    IReadOnlyList<KpiBacklogSum> Backlog,
    IReadOnlyList<KpiFlowSum> Flow,
    IReadOnlyList<KpiTechnicianSum> Technicians,
    IReadOnlyList<KpiBucketSum> Buckets);

/// <summary>Cases open at the period's end with these values; <paramref name="AgeBand"/> indexes
/// <c>KpiPeriods.AgeBands</c>.</summary>
public sealed record KpiBacklogSum(string? Department, string? Region, string? Priority, string Status, int AgeBand, long Count);

/// <summary>The period's sums over the cases of one priority (see docs/KPIS.md for which rows each counts).</summary>
public sealed record KpiFlowSum(
    string? Priority,
    long Created,
    long Resolved,
    long ResolveMilliseconds,
    long ResponseMet,
    long ResponseBreached,
    long ResolutionMet,
    long ResolutionBreached,
    long FixEligible,
    long FixedFirstTime,
    long Reopened,
    long Complaints,
    long SurveyAnswers,
    long SurveySatisfied,
    long Promoters,
    long Detractors);

/// <summary>Visits and minutes on site of the cases a technician holds whose last visit fell in the period.</summary>
public sealed record KpiTechnicianSum(string TechnicianId, long Visits, long VisitMinutes);

/// <summary>What the series counts per bucket.</summary>
public enum KpiMeasure
{
    Created = 0,
    Resolved = 1,
    ResponseBreached = 2,
    ResolutionBreached = 3,
}

/// <summary>A count (and for <see cref="KpiMeasure.Resolved"/> the milliseconds to resolve) in bucket number
/// <paramref name="Bucket"/> counted from the series' origin.</summary>
public sealed record KpiBucketSum(KpiMeasure Measure, long Bucket, long Count, long Milliseconds);
