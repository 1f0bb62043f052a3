using System.Collections.Immutable;
using AfterSales.CaseList;
using AfterSales.Kpis;

namespace AfterSales.Domain.Kpis;

/// <summary>Turns a store's <see cref="KpiSums"/> into the figures of <see cref="KpiReport"/> (formulas in
/// docs/KPIS.md). Pure: the same sums always give the same report.</summary>
public static class KpiFigures
{
    /// <summary>Technicians listed at most (by id); the rest are left out of the utilisation list.</summary>
    public const int MaxTechnicians = 1000;

    public const string Unknown = "unknown";

    public const string AllPriorities = "all";

    public static KpiReport Report(KpiQuery query, KpiSums sums, ProjectionProgress progress)
    {
        var flow = sums.Flow;
        long Sum(Func<KpiFlowSum, long> value) => flow.Sum(value);
        var resolved = Sum(f => f.Resolved);
        var answers = Sum(f => f.SurveyAnswers);
        var promoters = Sum(f => f.Promoters);
        var detractors = Sum(f => f.Detractors);
        var capacity = KpiPeriods.CapacityHours(query.From, query.To);
        return new KpiReport(
            query,
            Backlog(sums.Backlog),
            [.. Sla(flow)],
            new KpiMttr(resolved, Hours(Sum(f => f.ResolveMilliseconds), resolved)),
            Ratio(Sum(f => f.FixedFirstTime), Sum(f => f.FixEligible)),
            Ratio(Sum(f => f.Reopened), resolved),
            Ratio(Sum(f => f.SurveySatisfied), answers),
            new KpiNps(answers, promoters, detractors,
                answers == 0 ? null : Round(100.0 * promoters / answers - 100.0 * detractors / answers)),
            Ratio(Sum(f => f.Complaints), Sum(f => f.Created)),
            [.. sums.Technicians.Select(t => new KpiUtilisation(t.TechnicianId, t.Visits, Round(t.VisitMinutes / 60.0), Round(capacity),
                capacity <= 0 ? null : Round(100.0 * t.VisitMinutes / 60.0 / capacity)))],
            Series(query, sums.Buckets),
            progress);
    }

    public static KpiRatio Ratio(long numerator, long denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Round(100.0 * numerator / denominator));

    private static KpiBacklog Backlog(IReadOnlyList<KpiBacklogSum> backlog)
    {
        ImmutableArray<KpiCount> By(Func<KpiBacklogSum, string?> key) =>
        [
            .. backlog.GroupBy(b => key(b) ?? Unknown, StringComparer.Ordinal)
                .Select(g => new KpiCount(g.Key, g.Sum(b => b.Count)))
                .OrderBy(c => c.Key, StringComparer.Ordinal),
        ];
        return new KpiBacklog(
            backlog.Sum(b => b.Count),
            By(b => b.Department),
            By(b => b.Region),
            By(b => b.Priority),
            By(b => b.Status),
            [.. KpiPeriods.AgeBands.Select((band, i) => new KpiCount(band, backlog.Where(b => b.AgeBand == i).Sum(b => b.Count)))]);
    }

    /// <summary>One line per priority (urgent first), then the total over all priorities.</summary>
    private static IEnumerable<KpiSlaCompliance> Sla(IReadOnlyList<KpiFlowSum> flow)
    {
        static KpiSlaCompliance Line(string priority, IEnumerable<KpiFlowSum> sums)
        {
            var list = sums.ToList();
            long met = list.Sum(f => f.ResponseMet), breached = list.Sum(f => f.ResponseBreached);
            long resolutionMet = list.Sum(f => f.ResolutionMet), resolutionBreached = list.Sum(f => f.ResolutionBreached);
            return new KpiSlaCompliance(priority, Ratio(met, met + breached), Ratio(resolutionMet, resolutionMet + resolutionBreached));
        }
        foreach (var priority in Enum.GetValues<Cases.CasePriority>())
        {
            var name = CamelNames.Of(priority);
            yield return Line(name, flow.Where(f => f.Priority == name));
        }
        yield return Line(AllPriorities, flow);
    }

    private static ImmutableArray<KpiBucket> Series(KpiQuery query, IReadOnlyList<KpiBucketSum> buckets)
    {
        if (query.GroupBy == KpiGrouping.None)
        {
            return [];
        }
        var origin = KpiPeriods.Origin(query.From, query.GroupBy);
        var length = KpiPeriods.BucketTicks(query.GroupBy);
        var count = KpiPeriods.Bucket(query.To.AddTicks(-1), origin, length) + 1;
        var byKey = buckets.ToLookup(b => (b.Measure, b.Bucket));
        long Count(KpiMeasure measure, long bucket) => byKey[(measure, bucket)].Sum(b => b.Count);
        return [.. Enumerable.Range(0, (int)count).Select(i =>
        {
            var resolved = Count(KpiMeasure.Resolved, i);
            return new KpiBucket(origin.AddTicks(i * length), Count(KpiMeasure.Created, i), resolved,
                Hours(byKey[(KpiMeasure.Resolved, (long)i)].Sum(b => b.Milliseconds), resolved),
                Count(KpiMeasure.ResponseBreached, i), Count(KpiMeasure.ResolutionBreached, i));
        })];
    }

    private static double? Hours(long milliseconds, long count) => count == 0 ? null : Round(milliseconds / 3_600_000.0 / count);

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
