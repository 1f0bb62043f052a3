using System.Globalization;
using AfterSales.Bench.Drivers.Http;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>kpi-read: seeds <see cref="BenchOptions.ListRows"/> case-list rows into the started API's SQLite file
/// (<see cref="KpiRowSeeder"/>), then each operation reads the KPIs of a typical period and a typical page of the list.
/// The periods rotate: the last 30 days by day, the last quarter of one region by week, the last year of one
/// department; the list pages rotate over status, region and priority filters.</summary>
internal sealed class KpiReadScenario(HttpTarget target, BenchOptions options) : IScenario
{
    private string[] _kpiQueries = [];
    private string[] _listQueries = [];

    public string Name => "kpi-read";

    public IReadOnlyList<string> Steps { get; } = ["GET /api/kpis", "GET /api/cases"];

    public string OperationUnit => "kpi read + list page";

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var folder = target.DataDirectory ?? throw new BenchException("kpi-read seeds the data folder of the API the bench starts.");
        var regions = options.EffectiveRegions;
        var now = DateTimeOffset.UtcNow;
        var took = await KpiRowSeeder.SeedAsync(Path.Combine(folder, "caselist.db"), options.Settings.GetValueOrDefault("AfterSales:Hosting:ServiceId", "aftersales"),
            options.ListRows, regions, now, options.Seed, cancellationToken);
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        _kpiQueries =
        [
            $"/api/kpis?from={At(day.AddDays(-30))}&to={At(day)}&groupBy=day",
            $"/api/kpis?from={At(day.AddDays(-91))}&to={At(day)}&region={regions[0]}&groupBy=week",
            $"/api/kpis?from={At(day.AddDays(-365))}&to={At(day)}&department=technical-support",
        ];
        _listQueries =
        [
            "/api/cases?status=new&status=assigned&sort=-createdAt&limit=50",
            $"/api/cases?region={regions[^1]}&priority=urgent&sort=-updatedAt&limit=50",
            "/api/cases?department=maintenance&sort=priority&limit=50",
        ];
        return [$"{options.ListRows:N0} case-list rows seeded in {took.TotalSeconds:0.0} s (straight into the SQLite file, API idle)"];
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var pick = (int)((ulong)sequence % 3);
        var kpis = await steps.TimeAsync(0, () => target.GetAsync(_kpiQueries[pick], cancellationToken));
        if (!kpis.IsSuccess)
        {
            return OperationOutcome.Failure(kpis.Error!, kpis.Detail);
        }
        var list = await steps.TimeAsync(1, () => target.GetAsync(_listQueries[pick], cancellationToken));
        return list.IsSuccess ? OperationOutcome.Success() : OperationOutcome.Failure(list.Error!, list.Detail);
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken) => Task.FromResult(ScenarioFindings.None);
}
