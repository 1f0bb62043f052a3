using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Kpis;

namespace AfterSales.Domain.Kpis;

/// <summary>The sums of <see cref="KpiSums"/> over rows in memory: the definition the SQL stores implement (and are
/// tested against), and the memory store's answer.</summary>
public static class KpiRowSums
{
    public static KpiSums Sum(IEnumerable<CaseListRow> all, KpiQuery query)
    {
        var rows = all.Where(r => (query.Department is not { } d || r.Department == d) && (query.Region is not { } g || r.Region == g)).ToList();
        bool In(DateTimeOffset? at) => at is { } t && t >= query.From && t < query.To;
        CaseKpiFacts K(CaseListRow r) => r.Kpi ?? CaseKpiFacts.None;

        var backlog = rows
            .Where(r => r.CreatedAt < query.To && (r.ResolvedAt is null || r.ResolvedAt >= query.To) && r.Status != CaseStatus.Cancelled)
            .GroupBy(r => (Slug(r.Department), r.Region, Name(r.Priority), Name(r.Status), KpiPeriods.AgeBand(query.To - r.CreatedAt)))
            .Select(g => new KpiBacklogSum(g.Key.Item1, g.Key.Region, g.Key.Item3, g.Key.Item4!, g.Key.Item5, g.LongCount()))
            .ToList();

        var flow = rows
            .Where(r => In(r.CreatedAt) || In(r.ResolvedAt) || In(K(r).FirstResponseAt) || In(K(r).ResponseBreachedAt)
                || In(K(r).ResolutionBreachedAt) || In(K(r).LastSurveyAt))
            .GroupBy(r => Name(r.Priority))
            .Select(g =>
            {
                long Count(Func<CaseListRow, bool> when) => g.LongCount(when);
                long Total(Func<CaseListRow, bool> when, Func<CaseListRow, long> value) => g.Where(when).Sum(value);
                bool Resolved(CaseListRow r) => In(r.ResolvedAt);
                bool Surveyed(CaseListRow r) => In(K(r).LastSurveyAt);
                return new KpiFlowSum(g.Key,
                    Count(r => In(r.CreatedAt)),
                    Count(Resolved),
                    Total(Resolved, r => ResolveMilliseconds(r.CreatedAt, r.ResolvedAt!.Value)),
                    Count(r => In(K(r).FirstResponseAt) && K(r).ResponseBreachedAt is null),
                    Count(r => In(K(r).ResponseBreachedAt)),
                    Count(r => Resolved(r) && K(r).ResolutionBreachedAt is null),
                    Count(r => In(K(r).ResolutionBreachedAt)),
                    Count(r => Resolved(r) && K(r).VisitCount > 0),
                    Count(r => Resolved(r) && K(r) is { VisitCount: 1, FirstVisitFixed: true, ReopenCount: 0 }),
                    Count(r => Resolved(r) && K(r).ReopenCount > 0),
                    Total(r => In(r.CreatedAt), r => K(r).ComplaintCount),
                    Total(Surveyed, r => K(r).SurveyAnswers),
                    Total(Surveyed, r => K(r).SurveySatisfied),
                    Total(Surveyed, r => K(r).NpsPromoters),
                    Total(Surveyed, r => K(r).NpsDetractors));
            })
            .ToList();

        var technicians = rows
            .Where(r => r.AssigneeId is not null && In(K(r).LastVisitAt))
            .GroupBy(r => r.AssigneeId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(KpiFigures.MaxTechnicians)
            .Select(g => new KpiTechnicianSum(g.Key, g.Sum(r => (long)K(r).VisitCount), g.Sum(r => (long)K(r).VisitMinutes)))
            .ToList();

        var buckets = new List<KpiBucketSum>();
        if (query.GroupBy != KpiGrouping.None)
        {
            var origin = KpiPeriods.Origin(query.From, query.GroupBy);
            var length = KpiPeriods.BucketTicks(query.GroupBy);
            void Add(KpiMeasure measure, Func<CaseListRow, DateTimeOffset?> at, Func<CaseListRow, long> milliseconds) =>
                buckets.AddRange(rows.Where(r => In(at(r)))
                    .GroupBy(r => KpiPeriods.Bucket(at(r)!.Value, origin, length))
                    .Select(g => new KpiBucketSum(measure, g.Key, g.LongCount(), g.Sum(milliseconds))));
            Add(KpiMeasure.Created, r => r.CreatedAt, _ => 0);
            Add(KpiMeasure.Resolved, r => r.ResolvedAt, r => ResolveMilliseconds(r.CreatedAt, r.ResolvedAt!.Value));
            Add(KpiMeasure.ResponseBreached, r => K(r).ResponseBreachedAt, _ => 0);
            Add(KpiMeasure.ResolutionBreached, r => K(r).ResolutionBreachedAt, _ => 0);
        }
        return new KpiSums(backlog, flow, technicians, buckets);
    }

    /// <summary>Whole milliseconds from open to resolution, truncated (as SQL's integer division does).</summary>
    public static long ResolveMilliseconds(DateTimeOffset created, DateTimeOffset resolved) =>
        (resolved.UtcTicks - created.UtcTicks) / TimeSpan.TicksPerMillisecond;

    private static string? Slug(Department? department) => department is { } d ? DepartmentNames.ToSlug(d) : null;

    private static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? CamelNames.Of(v) : null;

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => CamelNames.Of(value);
}
