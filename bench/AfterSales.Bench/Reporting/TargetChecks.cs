using System.Globalization;
using AfterSales.Bench.Options;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Reporting;

/// <summary>The issues' performance targets, checked against a run where the run measures them (a benchmark,
/// not a test: a miss is reported with its numbers, never hidden or the target lowered).</summary>
internal static class TargetChecks
{
    public const double IntakeRate = 250;
    public const double IntakeP99Ms = 100;
    public const double DurableCreationsPerSecond = 500;
    public const double DecisionsPerSecond = 20_000;
    public const int RoutingTechnicians = 1_000;
    public const int RoutingRegions = 4;
    public const double GetShareOfCeiling = 0.5;

    public static IReadOnlyList<Scenarios.TargetCheck> Evaluate(BenchOptions options, RunStats measured, double? ceilingRatio)
    {
        var checks = new List<Scenarios.TargetCheck>();
        var errors = measured.Failed;
        var durableHttp = options.Mode == BenchMode.Http;
        switch (options.Scenario)
        {
            case ScenarioKind.Intake when durableHttp && options.Rate is { } rate && rate >= IntakeRate:
                {
                    var p99 = Milliseconds(measured.Operations.ValueAtPercentile(99));
                    var kept = measured.OperationsPerSecond >= 0.95 * rate;
                    checks.Add(new(
                        $"p99 ≤ {IntakeP99Ms:0} ms at {IntakeRate:0}/s",
                        $"HTTP intake, embedded durable: p99 ≤ {IntakeP99Ms:0} ms at {IntakeRate:0} creations/s",
                        Format($"p99 {p99:0.0} ms at {rate:0.#}/s offered ({measured.OperationsPerSecond:0.0}/s completed, {errors} errors)"),
                        p99 <= IntakeP99Ms && kept && errors == 0));
                    break;
                }
            case ScenarioKind.Intake when durableHttp && options.Rate is null:
                checks.Add(new(
                    $"≥ {DurableCreationsPerSecond:0} creations/s",
                    $"HTTP intake, embedded durable: ≥ {DurableCreationsPerSecond:0} case creations/s",
                    Format($"{measured.OperationsPerSecond:0.0}/s at {options.Concurrency} in flight ({errors} errors)"),
                    measured.OperationsPerSecond >= DurableCreationsPerSecond && errors == 0));
                break;
            case ScenarioKind.Routing when options.Mode == BenchMode.InProc:
                {
                    var assigned = measured.Tags.Snapshot().FirstOrDefault(t => t.Key == "assigned").Count;
                    var perSecond = measured.Elapsed > TimeSpan.Zero ? assigned / measured.Elapsed.TotalSeconds : 0;
                    var shape = options.TechnicianCount == RoutingTechnicians && options.EffectiveRegions.Count == RoutingRegions;
                    var storage = options.MemoryStorage ? "memory storage" : "durable storage";
                    var path = !options.DecisionsOnly ? "case creation included"
                        : options.ReleaseAssigned ? "department decisions only, each case released right after" : "department decisions only";
                    checks.Add(new(
                        $"≥ {DecisionsPerSecond / 1000:0}k decisions/s",
                        $"≥ {DecisionsPerSecond:N0} assignment decisions/s in one silo, {RoutingTechnicians:N0} technicians over 4 departments × {RoutingRegions} regions",
                        Format($"{perSecond:N0} assigned/s ({path}, {storage}, {options.TechnicianCount:N0} technicians, {options.EffectiveRegions.Count} regions, {errors} errors)"),
                        shape && perSecond >= DecisionsPerSecond && errors == 0));
                    break;
                }
            case ScenarioKind.Get when options.Mode == BenchMode.Http:
                checks.Add(new(
                    $"≥ {GetShareOfCeiling:P0} of ceiling",
                    $"GET /api/cases/{{number}} on active cases ≥ {GetShareOfCeiling:P0} of the plaintext ceiling",
                    ceilingRatio is { } ratio ? Format($"{ratio:P1} of GET /ping ({measured.RequestsPerSecond:N0} req/s, {errors} errors)") : "no ceiling measured",
                    ceilingRatio >= GetShareOfCeiling && errors == 0));
                break;
        }
        return checks;
    }

    public static double Milliseconds(long nanoseconds) => nanoseconds / 1e6;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
