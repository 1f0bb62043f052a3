using System.Collections.Immutable;
using AfterSales.CaseList;

namespace AfterSales.Kpis;

/// <summary>The KPI figures of a period (formulas in docs/KPIS.md).</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Backlog">Cases open at the period's end.</param>
/// <param name="Sla">Response and resolution compliance per priority (and over all, priority <c>all</c>).</param>
/// <param name="Mttr">Mean time to resolve of the cases resolved in the period.</param>
/// <param name="FirstTimeFix">Resolved cases with visits that were fixed by their one and only visit.</param>
/// <param name="Reopen">Resolved cases that had been reopened.</param>
/// <param name="Csat">Survey answers scoring 4 or 5.</param>
/// <param name="Nps">Net promoter score.</param>
/// <param name="Complaints">Complaints per case opened in the period.</param>
/// <param name="Technicians">On-site hours against capacity hours per technician.</param>
/// <param name="Series">Per day or week, when asked.</param>
/// <param name="Progress">How far the case list (and so these figures) has followed the events.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiReport")]
public sealed record KpiReport(
    [property: Id(0)] KpiQuery Query,
    [property: Id(1)] KpiBacklog Backlog,
    [property: Id(2)] ImmutableArray<KpiSlaCompliance> Sla,
    [property: Id(3)] KpiMttr Mttr,
    [property: Id(4)] KpiRatio FirstTimeFix,
    [property: Id(5)] KpiRatio Reopen,
    [property: Id(6)] KpiRatio Csat,
    [property: Id(7)] KpiNps Nps,
    [property: Id(8)] KpiRatio Complaints,
    [property: Id(9)] ImmutableArray<KpiUtilisation> Technicians,
    [property: Id(10)] ImmutableArray<KpiBucket> Series,
    [property: Id(11)] ProjectionProgress Progress);

/// <summary>A count under a key (a department slug, region, priority, status or age band).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiCount")]
public sealed record KpiCount([property: Id(0)] string Key, [property: Id(1)] long Count);

/// <summary>Open cases at the period's end, in total and by each dimension (each breakdown sums to the total; a case
/// with no value for a dimension counts under <c>unknown</c>).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiBacklog")]
public sealed record KpiBacklog(
    [property: Id(0)] long Total,
    [property: Id(1)] ImmutableArray<KpiCount> ByDepartment,
    [property: Id(2)] ImmutableArray<KpiCount> ByRegion,
    [property: Id(3)] ImmutableArray<KpiCount> ByPriority,
    [property: Id(4)] ImmutableArray<KpiCount> ByStatus,
    [property: Id(5)] ImmutableArray<KpiCount> ByAge);

/// <summary><paramref name="Numerator"/> of <paramref name="Denominator"/>; <paramref name="Percent"/> is
/// 100 × numerator ÷ denominator, rounded to 2 decimals, null when the denominator is 0.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiRatio")]
public sealed record KpiRatio([property: Id(0)] long Numerator, [property: Id(1)] long Denominator, [property: Id(2)] double? Percent);

/// <summary>SLA compliance of one priority: met ÷ (met + breached) for each target.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiSlaCompliance")]
public sealed record KpiSlaCompliance([property: Id(0)] string Priority, [property: Id(1)] KpiRatio Response, [property: Id(2)] KpiRatio Resolution);

/// <summary>Mean time to resolve, in hours (2 decimals); null when nothing was resolved.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiMttr")]
public sealed record KpiMttr([property: Id(0)] long Resolved, [property: Id(1)] double? Hours);

/// <summary>Net promoter score: % promoters − % detractors (2 decimals), null without answers.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiNps")]
public sealed record KpiNps([property: Id(0)] long Answers, [property: Id(1)] long Promoters, [property: Id(2)] long Detractors, [property: Id(3)] double? Score);

/// <summary>A technician's on-site hours against capacity hours in the period.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiUtilisation")]
public sealed record KpiUtilisation(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] long Visits,
    [property: Id(2)] double OnSiteHours,
    [property: Id(3)] double CapacityHours,
    [property: Id(4)] double? Percent);

/// <summary>One day or week of the series (buckets start at UTC midnight, weeks on Monday).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiBucket")]
public sealed record KpiBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] long Created,
    [property: Id(2)] long Resolved,
    [property: Id(3)] double? MttrHours,
    [property: Id(4)] long ResponseBreaches,
    [property: Id(5)] long ResolutionBreaches);
