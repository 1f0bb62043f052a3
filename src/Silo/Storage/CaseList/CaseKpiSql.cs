using System.Data.Common;
using System.Globalization;
using AfterSales.Domain.Kpis;
using AfterSales.Kpis;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The SQL of <c>GET /api/kpis</c>, the same for SQLite and PostgreSQL: aggregates over the case list's rows,
/// each part selecting rows by an indexed instant in [from, to) (or, for the backlog, by the open rows). It implements
/// <see cref="KpiRowSums"/> exactly; the storage tests hold the two to the same answers.</summary>
internal static class CaseKpiSql
{
    /// <summary>The rows of the service, department and region asked (a filter left out is no condition, so no
    /// untyped null parameter reaches PostgreSQL).</summary>
    private static string Scope(KpiQuery query) => "service_id = @service" + Filters(query);

    private static string Filters(KpiQuery query) =>
        (query.Department is null ? "" : " AND department = @department") + (query.Region is null ? "" : " AND region = @region");

    private static string In(string column) => $"({column} >= @from AND {column} < @to)";

    /// <summary>An arm of the flow's OR: the service inside each arm, so SQLite's multi-index OR and PostgreSQL's
    /// bitmap OR walk the (service_id, instant) indexes instead of every row of the service.</summary>
    private static string Arm(string column) => $"(service_id = @service AND {column} >= @from AND {column} < @to)";

    private static string When(string condition, string value = "1") => $"SUM(CASE WHEN {condition} THEN {value} ELSE 0 END)";

    /// <summary>Open at <c>to</c>: created before it and not resolved by then (a reopened case has no resolution
    /// instant), not cancelled. Two index ranges of (service_id, resolved_ticks) — unresolved, and resolved at or after
    /// <c>to</c> — joined with UNION ALL, since an OR of them lets SQLite's planner walk every row created before
    /// <c>to</c> instead.</summary>
    private static string Backlog(KpiQuery query)
    {
        const string Columns = "department, region, priority, status, created_ticks";
        return "SELECT department, region, priority, status, CASE " +
            string.Concat(Enumerable.Range(0, KpiPeriods.AgeBounds.Length).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"WHEN created_ticks > @to - @age{i} THEN {i} "))) +
            string.Create(CultureInfo.InvariantCulture, $"ELSE {KpiPeriods.AgeBounds.Length} END AS band, count(*) FROM (") +
            $"SELECT {Columns} FROM case_list WHERE service_id = @service AND resolved_ticks IS NULL AND created_ticks < @to UNION ALL " +
            $"SELECT {Columns} FROM case_list WHERE service_id = @service AND resolved_ticks >= @to AND created_ticks < @to) AS open_cases " +
            $"WHERE status <> 'cancelled'{Filters(query)} GROUP BY department, region, priority, status, band";
    }

    /// <summary>A row counts in the period's flow when one of these falls in it.</summary>
    private static readonly string[] FlowInstants =
        ["created_ticks", "resolved_ticks", "first_response_ticks", "response_breach_ticks", "resolution_breach_ticks", "last_survey_ticks"];

    private static string Flow(KpiQuery query) =>
        "SELECT priority, " + string.Join(", ",
            When(In("created_ticks")),
            When(In("resolved_ticks")),
            When(In("resolved_ticks"), "(resolved_ticks - created_ticks) / 10000"),
            When(In("first_response_ticks") + " AND response_breach_ticks IS NULL"),
            When(In("response_breach_ticks")),
            When(In("resolved_ticks") + " AND resolution_breach_ticks IS NULL"),
            When(In("resolution_breach_ticks")),
            When(In("resolved_ticks") + " AND visit_count > 0"),
            When(In("resolved_ticks") + " AND visit_count = 1 AND first_visit_fixed = 1 AND reopen_count = 0"),
            When(In("resolved_ticks") + " AND reopen_count > 0"),
            When(In("created_ticks"), "complaint_count"),
            When(In("last_survey_ticks"), "survey_answers"),
            When(In("last_survey_ticks"), "survey_satisfied"),
            When(In("last_survey_ticks"), "nps_promoters"),
            When(In("last_survey_ticks"), "nps_detractors")) +
        $" FROM case_list WHERE (" + string.Join(" OR ", FlowInstants.Select(Arm)) + $"){Filters(query)}" +
        " GROUP BY priority";

    private static string Technicians(KpiQuery query) =>
        $"SELECT assignee_id, SUM(visit_count), SUM(visit_minutes) FROM case_list WHERE {Scope(query)} AND {In("last_visit_ticks")} " +
        $"AND assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY assignee_id LIMIT {KpiFigures.MaxTechnicians.ToString(CultureInfo.InvariantCulture)}";

    private static string Buckets(KpiQuery query) => string.Join(" UNION ALL ",
        Bucket(query, KpiMeasure.Created, "created_ticks", "0"),
        Bucket(query, KpiMeasure.Resolved, "resolved_ticks", "SUM((resolved_ticks - created_ticks) / 10000)"),
        Bucket(query, KpiMeasure.ResponseBreached, "response_breach_ticks", "0"),
        Bucket(query, KpiMeasure.ResolutionBreached, "resolution_breach_ticks", "0"));

    private static string Bucket(KpiQuery query, KpiMeasure measure, string column, string milliseconds) => string.Create(CultureInfo.InvariantCulture,
        $"SELECT {(int)measure}, ({column} - @origin) / @bucket, count(*), {milliseconds} FROM case_list WHERE {Scope(query)} AND {In(column)} GROUP BY 2");

    /// <summary>Runs the parts on commands made by <paramref name="command"/> (which binds the service id) and reads
    /// the sums.</summary>
    public static async Task<KpiSums> SumAsync(KpiQuery query, Func<string, IReadOnlyList<(string Name, object? Value)>, DbCommand> command,
        CancellationToken cancellationToken)
    {
        var parameters = new List<(string Name, object? Value)> { ("from", query.From.UtcTicks), ("to", query.To.UtcTicks) };
        if (query.Department is { } department)
        {
            parameters.Add(("department", CaseListColumns.Slug(department)));
        }
        if (query.Region is { } region)
        {
            parameters.Add(("region", region));
        }
        var backlogParameters = parameters.Concat(KpiPeriods.AgeBounds.Select((bound, i) =>
            (string.Create(CultureInfo.InvariantCulture, $"age{i}"), (object?)bound.Ticks))).ToList();
        var (backlog, flow, technicians) = await ReadPartsAsync(command(Backlog(query), backlogParameters), command(Flow(query), parameters),
            command(Technicians(query), parameters), cancellationToken);
        var buckets = new List<KpiBucketSum>();
        if (query.GroupBy != KpiGrouping.None)
        {
            var bucketParameters = parameters.Concat([
                ("origin", KpiPeriods.Origin(query.From, query.GroupBy).UtcTicks), ("bucket", KpiPeriods.BucketTicks(query.GroupBy))]).ToList();
            buckets = await ReadAsync(command(Buckets(query), bucketParameters), r =>
                new KpiBucketSum((KpiMeasure)Long(r, 0), Long(r, 1), Long(r, 2), Long(r, 3)), cancellationToken);
        }
        return new KpiSums(backlog, flow, technicians, buckets);
    }

    /// <summary>Reads the backlog, flow and technician parts, whose columns both stores' SQL give in the same order.</summary>
    internal static async Task<(List<KpiBacklogSum> Backlog, List<KpiFlowSum> Flow, List<KpiTechnicianSum> Technicians)> ReadPartsAsync(
        DbCommand backlog, DbCommand flow, DbCommand technicians, CancellationToken cancellationToken) =>
    (
        await ReadAsync(backlog, r => new KpiBacklogSum(Text(r, 0), Text(r, 1), Text(r, 2), r.GetString(3), (int)Long(r, 4), Long(r, 5)), cancellationToken),
        await ReadAsync(flow, r => new KpiFlowSum(Text(r, 0), Long(r, 1), Long(r, 2), Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7),
            Long(r, 8), Long(r, 9), Long(r, 10), Long(r, 11), Long(r, 12), Long(r, 13), Long(r, 14), Long(r, 15)), cancellationToken),
        await ReadAsync(technicians, r => new KpiTechnicianSum(r.GetString(0), Long(r, 1), Long(r, 2)), cancellationToken)
    );

    internal static async Task<List<T>> ReadAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
    }

    internal static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>SQLite answers integers, PostgreSQL bigint or numeric (a SUM of bigint).</summary>
    internal static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
}
