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
    /// <summary>Requests/s of the measured phase over requests/s of <c>GET /ping</c>; null without a ceiling.</summary>
    public double? CeilingRatio =>
        Ceiling is { RequestsPerSecond: > 0 } ceiling ? Measured.RequestsPerSecond / ceiling.RequestsPerSecond : null;
}
