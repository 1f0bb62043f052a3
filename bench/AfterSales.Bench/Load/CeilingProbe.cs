using System.Globalization;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Load;

/// <summary>
/// The plaintext ceiling: <c>GET /ping</c> driven closed-loop at the run's concurrency, in two halves right before and
/// right after the measured scenario, merged. Bracketing the scenario in time keeps the ratio honest on a shared box
/// whose load drifts; each half's rate is reported so the drift is visible.
/// </summary>
internal sealed class CeilingProbe(IBenchTarget target, LoadPlan plan)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly PingScenario _ping = new(target);
    private readonly SequenceSource _sequence = new();
    private readonly List<string> _halves = [];
    private bool _warmedUp;

    public RunStats Stats { get; } = new(["GET /ping"]);

    /// <summary>How each half is driven.</summary>
    public LoadPlan Plan => plan;

    /// <summary>Per-half rates, e.g. <c>before 30,100 req/s, after 28,700 req/s</c>.</summary>
    public string Halves => string.Join(", ", _halves);

    public async Task MeasureHalfAsync(string label, CancellationToken abort)
    {
        if (!_warmedUp)
        {
            await LoadRunner.RunAsync(_ping, plan with { Duration = WarmUp }, _sequence, abort);
            _warmedUp = true;
        }
        var (requests, elapsed) = (Stats.Requests, Stats.Elapsed);
        await LoadRunner.RunAsync(_ping, plan, _sequence, abort, Stats);
        var rate = (Stats.Requests - requests) / Math.Max((Stats.Elapsed - elapsed).TotalSeconds, 1e-9);
        _halves.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {rate:N0} req/s"));
    }
}
