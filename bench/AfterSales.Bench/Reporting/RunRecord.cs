using System.Globalization;
using AfterSales.Bench.Scenarios;

namespace AfterSales.Bench.Reporting;

/// <summary>One run as one line of <c>bench/results/runs.jsonl</c>: where and how it ran, its key numbers, the plaintext
/// ceiling and load average of the same run, and its target checks. Missing numbers are left out (rows imported from
/// the old RESULTS.md carry only what its tables held).</summary>
internal sealed record RunRecord
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public DateTimeOffset Date { get; init; }

    /// <summary><c>bench</c> for runs the bench wrote; <c>archive</c> for rows imported from the old RESULTS.md.</summary>
    public string Source { get; init; } = "bench";

    public string Machine { get; init; } = "";

    public int? Cores { get; init; }

    public string? Build { get; init; }

    public string Command { get; init; } = "";

    public string Mode { get; init; } = "";

    public string Scenario { get; init; } = "";

    public string Load { get; init; } = "";

    public string? Note { get; init; }

    public string? Target { get; init; }

    public double? LoadAverageBefore { get; init; }

    public double? LoadAverageAfter { get; init; }

    public long? Ok { get; init; }

    public long? Errors { get; init; }

    public double? OpsPerSecond { get; init; }

    public double? RequestsPerSecond { get; init; }

    public double? P50Ms { get; init; }

    public double? P90Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? MaxMs { get; init; }

    public double? Seconds { get; init; }

    public double? CeilingRequestsPerSecond { get; init; }

    public double? CeilingRatio { get; init; }

    public string? CeilingNote { get; init; }

    public double? BenchCores { get; init; }

    public double? ServerCores { get; init; }

    public IReadOnlyList<StepRecord>? Steps { get; init; }

    public IReadOnlyDictionary<string, long>? ErrorsByKind { get; init; }

    public IReadOnlyDictionary<string, long>? Outcomes { get; init; }

    /// <summary>Scenario numbers (e.g. <c>peak.pull.p99Ms</c>), grain-state writes per operation (<c>writes.case</c>) and,
    /// against a cluster, PostgreSQL row writes per operation by table (<c>rowWrites.grain_state</c>) with the upsert
    /// ceiling (<c>upsertCeiling.perSecond</c>, <c>upsertCeiling.share</c>).</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    public IReadOnlyList<string>? Findings { get; init; }

    public IReadOnlyList<TargetCheck> Checks { get; init; } = [];

    public static RunRecord From(RunReport report)
    {
        var measured = report.Measured;
        var metrics = new Dictionary<string, double>(report.Findings.Metrics, StringComparer.Ordinal);
        if (report.Writes is { } writes)
        {
            foreach (var (state, perOperation, _) in writes.PerOperation(measured.Succeeded))
            {
                metrics[$"writes.{state}"] = Round(perOperation);
            }
        }
        if (report.ClusterWrites is { } cluster)
        {
            foreach (var (table, perOperation, _) in cluster.Tables.PerOperation(measured.Succeeded))
            {
                metrics[$"rowWrites.{table}"] = Round(perOperation);
            }
            if (cluster.Ceiling is { } upserts)
            {
                metrics["upsertCeiling.perSecond"] = Round(upserts.PerSecond);
            }
            if (report.WriteCeilingShare is { } share)
            {
                metrics["upsertCeiling.share"] = Round(share);
            }
            if (cluster.ActiveSilos is { } silos)
            {
                metrics["cluster.silos"] = silos;
            }
        }
        return new RunRecord
        {
            Date = report.StartedAt,
            Machine = report.Machine.ToString(),
            Cores = report.Machine.Cores,
            Build = CommandLine.Configuration,
            Command = report.Command,
            Mode = report.ModeLabel,
            Scenario = report.Scenario,
            Load = report.Load,
            Note = report.Options.Note,
            Target = report.Target,
            LoadAverageBefore = ParseLoad(report.LoadAverageBefore),
            LoadAverageAfter = ParseLoad(report.LoadAverageAfter),
            Ok = measured.Succeeded,
            Errors = measured.Failed,
            OpsPerSecond = Round(measured.OperationsPerSecond),
            RequestsPerSecond = Round(measured.RequestsPerSecond),
            P50Ms = Ms(measured.Operations.ValueAtPercentile(50)),
            P90Ms = Ms(measured.Operations.ValueAtPercentile(90)),
            P99Ms = Ms(measured.Operations.ValueAtPercentile(99)),
            MaxMs = Ms(measured.Operations.Max),
            Seconds = Round(measured.Elapsed.TotalSeconds),
            CeilingRequestsPerSecond = report.Ceiling is { } ceiling ? Round(ceiling.RequestsPerSecond) : null,
            CeilingRatio = report.CeilingRatio is { } ratio ? Math.Round(ratio, 4) : null,
            CeilingNote = report.CeilingNote,
            BenchCores = Math.Round(report.Cpu.BenchCores, 2),
            ServerCores = report.Cpu.ServerCores is { } server ? Math.Round(server, 2) : null,
            Steps = [.. measured.StepNames.Select((name, i) => new StepRecord(name, measured.Steps[i].Count,
                Ms(measured.Steps[i].ValueAtPercentile(50)), Ms(measured.Steps[i].ValueAtPercentile(99))))],
            ErrorsByKind = measured.Errors.Snapshot().ToDictionary(e => e.Key, e => e.Count, StringComparer.Ordinal),
            Outcomes = measured.Tags.Snapshot().ToDictionary(e => e.Key, e => e.Count, StringComparer.Ordinal),
            Metrics = metrics.ToDictionary(pair => pair.Key, pair => Round(pair.Value), StringComparer.Ordinal),
            Findings = report.Findings.Lines,
            Checks = report.Checks,
        };
    }

    private static double? ParseLoad(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double Ms(long nanoseconds) => Math.Round(nanoseconds / 1e6, 3);

    // Keeps the log readable; four significant decimals are more than any of these numbers can claim.
    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : value;
}

/// <summary>One request of an operation: how many succeeded and how long they took.</summary>
internal sealed record StepRecord(string Name, long Count, double P50Ms, double P99Ms);
