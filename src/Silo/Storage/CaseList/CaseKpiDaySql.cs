using System.Data.Common;
using System.Globalization;
using static AfterSales.Silo.Storage.CaseList.CaseKpiSql;
using AfterSales.Domain.Kpis;
using AfterSales.Kpis;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The SQL of <c>GET /api/kpis</c> over the day buckets the case-list file's triggers keep
/// (<c>Sql/SqliteCaseList/002-case-kpi-days.sql</c>): for a period from one UTC midnight to another, the same sums as
/// <see cref="CaseKpiSql"/> over the rows (and <see cref="KpiRowSums"/>, the definition), reading a few rows per day
/// and dimension instead of every case of the period.</summary>
internal static class CaseKpiDaySql
{
    /// <summary>Whether <paramref name="query"/> can be answered from whole days.</summary>
    public static bool Fits(KpiQuery query) => query.From.UtcTicks % TimeSpan.TicksPerDay == 0 && query.To.UtcTicks % TimeSpan.TicksPerDay == 0;

    private static string Filters(KpiQuery query) =>
        (query.Department is null ? "" : " AND department = @department") + (query.Region is null ? "" : " AND region = @region");

    private static string Days(KpiQuery query) => $"service_id = @service AND day >= @from_day AND day < @to_day{Filters(query)}";

    /// <summary>Open at <c>to</c> (a midnight, day D): the open cases' bucket (key &lt; 2D is "opened before to", key
    /// &gt; 2(D − n) "younger than n days"), plus the cases opened before <c>to</c> and resolved since, read from the rows
    /// by the resolved index. Both summed per group, so each group is one row as the definition gives it.</summary>
    private static string Backlog(KpiQuery query)
    {
        var keyBands = string.Concat(KpiPeriods.AgeBounds.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"WHEN created_key > @key{i} THEN {i} ")));
        var rowBands = string.Concat(KpiPeriods.AgeBounds.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"WHEN created_ticks > @to - @age{i} THEN {i} ")));
        var last = KpiPeriods.AgeBounds.Length.ToString(CultureInfo.InvariantCulture);
        return "SELECT nullif(department, ''), nullif(region, ''), nullif(priority, ''), status, band, SUM(cases) FROM (" +
            $"SELECT department, region, priority, status, CASE {keyBands}ELSE {last} END AS band, cases FROM case_kpi_open " +
            $"WHERE service_id = @service AND created_key < @to_key{Filters(query)} " +
            $"UNION ALL SELECT coalesce(department, ''), coalesce(region, ''), coalesce(priority, ''), status, CASE {rowBands}ELSE {last} END, 1 " +
            $"FROM case_list WHERE service_id = @service AND resolved_ticks >= @to AND created_ticks < @to AND status <> 'cancelled'{Filters(query)}" +
            ") AS open_cases GROUP BY department, region, priority, status, band HAVING SUM(cases) > 0";
    }

    private const string FlowSums =
        "SUM(created), SUM(resolved), SUM(resolve_ms), SUM(response_met), SUM(response_breached), SUM(resolution_met), " +
        "SUM(resolution_breached), SUM(fix_eligible), SUM(fixed_first_time), SUM(reopened), SUM(complaints), SUM(survey_answers), " +
        "SUM(survey_satisfied), SUM(promoters), SUM(detractors)";

    private static string Flow(KpiQuery query) =>
        $"SELECT nullif(priority, ''), {FlowSums} FROM case_kpi_day WHERE {Days(query)} GROUP BY priority HAVING SUM(touched) > 0";

    private static string Technicians(KpiQuery query) =>
        $"SELECT technician, SUM(visits), SUM(minutes) FROM case_kpi_technician_day WHERE {Days(query)} GROUP BY technician " +
        $"HAVING SUM(cases) > 0 ORDER BY technician LIMIT {KpiFigures.MaxTechnicians.ToString(CultureInfo.InvariantCulture)}";

    private static string Buckets(KpiQuery query) =>
        "SELECT (day - @origin_day) / @bucket_days AS bucket, SUM(created), SUM(resolved), SUM(resolve_ms), SUM(response_breached), " +
        $"SUM(resolution_breached) FROM case_kpi_day WHERE {Days(query)} GROUP BY bucket";

    /// <summary>Runs the parts on commands made by <paramref name="command"/> (which binds the service id) and reads
    /// the sums. <paramref name="query"/> must <see cref="Fits"/>.</summary>
    public static async Task<KpiSums> SumAsync(KpiQuery query, Func<string, IReadOnlyList<(string Name, object? Value)>, DbCommand> command,
        CancellationToken cancellationToken)
    {
        if (!Fits(query))
        {
            throw new ArgumentException("The day buckets answer periods from one UTC midnight to another.", nameof(query));
        }
        var fromDay = query.From.UtcTicks / TimeSpan.TicksPerDay;
        var toDay = query.To.UtcTicks / TimeSpan.TicksPerDay;
        var parameters = new List<(string Name, object? Value)> { ("from_day", fromDay), ("to_day", toDay) };
        if (query.Department is { } department)
        {
            parameters.Add(("department", CaseListColumns.Slug(department)));
        }
        if (query.Region is { } region)
        {
            parameters.Add(("region", region));
        }
        var backlogParameters = parameters
            .Append(("to", query.To.UtcTicks))
            .Append(("to_key", 2 * toDay))
            .Concat(KpiPeriods.AgeBounds.Select((bound, i) => (string.Create(CultureInfo.InvariantCulture, $"age{i}"), (object?)bound.Ticks)))
            .Concat(KpiPeriods.AgeBounds.Select((bound, i) =>
                (string.Create(CultureInfo.InvariantCulture, $"key{i}"), (object?)(2 * (toDay - bound.Ticks / TimeSpan.TicksPerDay)))))
            .ToList();
        var (backlog, flow, technicians) = await ReadPartsAsync(command(Backlog(query), backlogParameters), command(Flow(query), parameters),
            command(Technicians(query), parameters), cancellationToken);
        var buckets = new List<KpiBucketSum>();
        if (query.GroupBy != KpiGrouping.None)
        {
            var bucketParameters = parameters.Concat([
                ("origin_day", KpiPeriods.Origin(query.From, query.GroupBy).UtcTicks / TimeSpan.TicksPerDay),
                ("bucket_days", KpiPeriods.BucketTicks(query.GroupBy) / TimeSpan.TicksPerDay)]).ToList();
            var rows = await ReadAsync(command(Buckets(query), bucketParameters), r =>
                (Bucket: Long(r, 0), Created: Long(r, 1), Resolved: Long(r, 2), Milliseconds: Long(r, 3), ResponseBreached: Long(r, 4),
                    ResolutionBreached: Long(r, 5)), cancellationToken);
            // One row per bucket holds every measure; the definition lists a measure's bucket only when it counted a case.
            void Add(KpiMeasure measure, Func<(long Bucket, long Created, long Resolved, long Milliseconds, long ResponseBreached, long ResolutionBreached), long> count,
                bool milliseconds = false) =>
                buckets.AddRange(rows.Where(b => count(b) > 0).Select(b => new KpiBucketSum(measure, b.Bucket, count(b), milliseconds ? b.Milliseconds : 0)));
            Add(KpiMeasure.Created, b => b.Created);
            Add(KpiMeasure.Resolved, b => b.Resolved, milliseconds: true);
            Add(KpiMeasure.ResponseBreached, b => b.ResponseBreached);
            Add(KpiMeasure.ResolutionBreached, b => b.ResolutionBreached);
        }
        return new KpiSums(backlog, flow, technicians, buckets);
    }
}
