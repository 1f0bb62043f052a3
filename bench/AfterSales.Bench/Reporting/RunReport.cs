using AfterSales.Bench.Options;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Reporting;

/// <summary>Everything one bench run produced, ready to render.</summary>
internal sealed record RunReport(
    BenchOptions Options,
    string Command,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    string? LoadAverageBefore,
    string? LoadAverageAfter,
    string Target,
    string Scenario,
    string Load,
    IReadOnlyList<string> Setup,
    CpuUse Cpu,
    RunStats Measured,
    RunStats? Ceiling,
    string? CeilingNote,
    ScenarioFindings Findings,
    IReadOnlyList<TargetCheck> Checks)
{
    /// <summary>What one operation is, for "per …" figures.</summary>
    public string OperationUnit { get; init; } = "operation";

    /// <summary>Grain-storage calls during the measured phase (in-process runs only).</summary>
    public StorageTally? Writes { get; init; }

    /// <summary>Row writes by table and the raw upsert ceiling of the cluster's database (runs with <c>--postgres</c>).</summary>
    public ClusterWrites? ClusterWrites { get; init; }

    /// <summary>Operations/s × row writes per operation over the upsert ceiling; null without <c>--postgres</c>.</summary>
    public double? WriteCeilingShare => ClusterWrites?.ShareOfCeiling(Measured.OperationsPerSecond, Measured.Succeeded);

    /// <summary>How the target was reached, for headings and the summary table.</summary>
    public string ModeLabel =>
        (Options.Mode == BenchMode.Http
            ? Options.SelfHost ? "http, self-hosted API" : Options.Postgres is not null ? "http, cluster on PostgreSQL" : "http, running instance"
            : Options.MemoryStorage ? "inproc, memory storage" : "inproc, durable storage")
        + (Options.Settings.Count > 0 ? ", with --set" : "");

    /// <summary>Requests/s of the measured phase over requests/s of <c>GET /ping</c>; null without a ceiling.</summary>
    public double? CeilingRatio =>
        Ceiling is { RequestsPerSecond: > 0 } ceiling ? Measured.RequestsPerSecond / ceiling.RequestsPerSecond : null;
}
