using System.Globalization;
using System.Text;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Reporting;

/// <summary>Renders a run as a Markdown section, printed at the end of the run.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Section(RunReport report)
    {
        var text = new StringBuilder();
        Line(text, $"### {report.StartedAt:yyyy-MM-dd HH:mm} UTC · {report.ModeLabel} · {report.Scenario} · {report.Load}");
        text.AppendLine();
        Line(text, $"- **Command**: `{report.Command}`");
        Line(text, $"- **Machine**: {report.Machine}; load average {report.LoadAverageBefore ?? "?"} before, {report.LoadAverageAfter ?? "?"} after");
        Line(text, $"- **Target**: {report.Target}");
        if (report.Setup.Count > 0)
        {
            Line(text, $"- **Setup**: {string.Join("; ", report.Setup)}");
        }
        if (report.Options.Note is { } note)
        {
            Line(text, $"- **Note**: {note}");
        }
        text.AppendLine();
        Line(text, $"| phase | ok | errors | ops/s | req/s | p50 ms | p90 ms | p99 ms | max ms | vs ceiling |");
        Line(text, $"|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var measured = report.Measured;
        var from = report.Options.Rate is null ? "from start" : "from scheduled send";
        Row(text, $"{report.Scenario}: operation ({from})", measured, measured.Operations, report.CeilingRatio);
        // A lone step of a closed loop is timed exactly like the operation: its row would repeat it.
        var showSteps = measured.StepNames.Count > 1 || report.Options.Rate is not null;
        for (var i = 0; showSteps && i < measured.StepNames.Count; i++)
        {
            Row(text, $"↳ {measured.StepNames[i]} (from actual send)", measured, measured.Steps[i], ratio: null, stepOnly: true);
        }
        if (report.Ceiling is { } ceiling)
        {
            Row(text, $"ceiling GET /ping (closed loop, {report.Options.Concurrency} in flight)", ceiling, ceiling.Operations, ratio: 1);
        }
        text.AppendLine();
        if (report.CeilingNote is { } ceilingNote)
        {
            Line(text, $"- Ceiling: {ceilingNote}");
        }
        Line(text, $"- CPU while measuring: {report.Cpu} (of {report.Machine.Cores})");
        Line(text, $"- Outcomes: {Tally(measured.Tags, "none tagged")}");
        Line(text, $"- Errors: {Tally(measured.Errors, "none")}");
        if (measured.Abandoned > 0)
        {
            Line(text, $"- Abandoned (aborted): {measured.Abandoned:N0}");
        }
        if (report.Options.Rate is not null)
        {
            Line(text, $"- Generator: max dispatch lag {measured.MaxDispatchLag.TotalMilliseconds:0.0} ms (included in the operation latency)");
        }
        foreach (var line in report.Findings.Lines)
        {
            Line(text, $"- {line}");
        }
        if (report.Findings.Detail is { Length: > 0 } detail)
        {
            text.AppendLine().Append(detail);
        }
        if (report.Writes is { } writes)
        {
            Writes(text, writes, report.Measured.Succeeded, report.OperationUnit);
        }
        if (report.ClusterWrites is { } cluster)
        {
            TableWrites(text, cluster, report.Measured, report.OperationUnit);
        }
        if (report.Checks.Count > 0)
        {
            text.AppendLine();
            Line(text, $"| target | measured | met |");
            Line(text, $"|---|---|---|");
            foreach (var check in report.Checks)
            {
                Line(text, $"| {check.Target} | {check.Measured} | {check.Verdict} |");
            }
        }
        return text.ToString();
    }

    /// <summary>The grain-storage calls of the measured phase by state name (one per grain type).</summary>
    private static void Writes(StringBuilder text, StorageTally writes, long operations, string unit)
    {
        var rows = writes.PerOperation(operations);
        text.AppendLine();
        if (rows.Count == 0)
        {
            Line(text, $"- Grain storage: no {unit} completed, nothing to divide by");
            return;
        }
        Line(text, $"Grain-state writes during the measured phase, per {unit} ({operations:N0}):");
        text.AppendLine();
        Line(text, $"| state (grain type) | writes | per {unit} | rows changed per write | events per write | reads | failed |");
        Line(text, $"|---|--:|--:|--:|--:|--:|--:|");
        foreach (var (state, perOperation, counts) in rows)
        {
            var perWrite = counts.Writes == 0 ? 1 : counts.Writes;
            Line(text, $"| {state} | {counts.Writes:N0} | {perOperation:0.000} | {counts.Rows / (double)perWrite:0.00} | {counts.Events / (double)perWrite:0.00} | {counts.Reads:N0} | {counts.Failures:N0} |");
        }
    }

    /// <summary>The row writes PostgreSQL counted per table during the measured phase, and the upsert ceiling.</summary>
    private static void TableWrites(StringBuilder text, ClusterWrites cluster, RunStats measured, string unit)
    {
        var rows = cluster.Tables.PerOperation(measured.Succeeded);
        text.AppendLine();
        if (rows.Count == 0)
        {
            Line(text, $"- PostgreSQL row writes: no {unit} completed, nothing to divide by");
        }
        else
        {
            Line(text, $"Row writes to PostgreSQL during the measured phase (pg_stat_user_tables), per {unit} ({measured.Succeeded:N0}):");
            text.AppendLine();
            Line(text, $"| table | row writes | per {unit} | inserted | updated | deleted |");
            Line(text, $"|---|--:|--:|--:|--:|--:|");
            foreach (var (table, perOperation, counts) in rows)
            {
                Line(text, $"| {table} | {counts.Writes:N0} | {perOperation:0.000} | {counts.Inserted:N0} | {counts.Updated:N0} | {counts.Deleted:N0} |");
            }
            text.AppendLine();
        }
        Line(text, $"- Statistics settled: {cluster.Settling}; silos active: {(cluster.ActiveSilos is { } silos ? silos.ToString(Invariant) : "unknown")}");
        if (cluster.Ceiling is not { } ceiling)
        {
            Line(text, $"- Upsert ceiling: skipped (--no-ceiling)");
            return;
        }
        var errors = ceiling.Errors == 0 ? "" : $"; {ceiling.Errors:N0} failed (first: {Clean(ceiling.FirstError ?? "")})";
        Line(text, $"- Upsert ceiling: {ceiling.PerSecond:N0} single-row upserts/s ({ceiling.Writers} writers, {ceiling.PayloadBytes}-byte rows, {ceiling.Elapsed.TotalSeconds:0.#} s in two halves around the scenario: {ceiling.Halves}{errors})");
        if (cluster.ShareOfCeiling(measured.OperationsPerSecond, measured.Succeeded) is { } share)
        {
            Line(text, $"- Writes vs ceiling: {TargetChecks.WriteCeilingShare(share, measured, cluster)}");
        }
    }

    private static void Row(StringBuilder text, string phase, RunStats stats, LatencyHistogram latency, double? ratio, bool stepOnly = false)
    {
        var ok = stepOnly ? latency.Count : stats.Succeeded;
        var errors = stepOnly ? "" : stats.Failed.ToString("N0", Invariant);
        var opsPerSecond = stepOnly ? "" : stats.OperationsPerSecond.ToString("N1", Invariant);
        var requestsPerSecond = stepOnly ? "" : stats.RequestsPerSecond.ToString("N1", Invariant);
        Line(text, $"| {phase} | {ok:N0} | {errors} | {opsPerSecond} | {requestsPerSecond} | {Ms(latency.ValueAtPercentile(50))} | {Ms(latency.ValueAtPercentile(90))} | {Ms(latency.ValueAtPercentile(99))} | {Ms(latency.Max)} | {(stepOnly ? "" : Ratio(ratio))} |");
    }

    private static string Tally(ErrorTally tally, string empty)
    {
        var entries = tally.Snapshot();
        return entries.Count == 0
            ? empty
            : string.Join("; ", entries.Select(e => e.FirstDetail is null
                ? string.Create(Invariant, $"{e.Key} × {e.Count:N0}")
                : string.Create(Invariant, $"`{e.Key}` × {e.Count:N0} (first: {Clean(e.FirstDetail)})")));
    }

    private static string Ms(long nanoseconds) => Text.Ms(nanoseconds);

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("P1", Invariant) : "–";

    // Keeps a server's message on one table-safe line.
    private static string Clean(string detail) =>
        detail.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(Invariant)).Append('\n');
}
