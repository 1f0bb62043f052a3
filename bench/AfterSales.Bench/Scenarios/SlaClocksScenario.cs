using System.Collections.Concurrent;
using System.Globalization;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Stats;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// Live SLA clocks at scale. Setup replaces the SLA policy with one calendar-time rule for every case (first response
/// <c>--sla-target</c>, next update twice, resolution three times it; warning at 75 %) and opens <c>--cases</c> cases,
/// which then hold their clocks (nobody starts them). One operation reads one case, in opening order, once its
/// first-response due time has passed by a grace period: the lag of its <c>slaWarning</c> and <c>slaBreached</c> events
/// is the event's time minus the instant it is for (the due time the event names; the warning point is that minus the
/// target plus 75 % of it). A case read without the event counts as missed. The server's memory is read after the
/// cases are open and at the end.
/// </summary>
internal sealed class SlaClocksScenario(IBenchTarget target, Population population, BenchOptions options) : IScenario
{
    private const int WarningPercent = 75;

    /// <summary>How long after its due time a case is read: events later than this count as missed.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private readonly ISlaClockTarget _clocks = target as ISlaClockTarget
        ?? throw new BenchException("This target cannot set the SLA policy or read SLA events.");

    private readonly ConcurrentQueue<(string Number, DateTimeOffset OpenedAt)> _toRead = new();
    private readonly ConcurrentBag<double> _warningLagMs = [];
    private readonly ConcurrentBag<double> _breachLagMs = [];
    private long _missed;
    private long _openWorkingSet;

    public string Name => "sla-clocks";

    public IReadOnlyList<string> Steps { get; } = ["read a case's SLA events"];

    public string OperationUnit => "case read";

    public string? FollowUp => "lag from due time to event";

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>(await Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken));
        var policy = await _clocks.ReplaceSlaPolicyAsync(options.SlaTarget, WarningPercent, cancellationToken);
        if (!policy.IsSuccess)
        {
            throw new BenchException($"Setup failed (SLA policy): {policy.Error} {policy.Detail}");
        }
        lines.Add(await Batch.RunAsync("cases opened", Enumerable.Range(0, options.Cases).ToArray(), async (i, ct) =>
        {
            var opened = await target.OpenCaseAsync(population.CaseFor(i).Request, ct);
            if (!opened.IsSuccess)
            {
                return CallResult.Fail(opened.Error!, opened.Detail);
            }
            _toRead.Enqueue((opened.Value!.Number, DateTimeOffset.UtcNow));
            return CallResult.Ok;
        }, cancellationToken));
        _openWorkingSet = _clocks.ServerWorkingSet ?? 0;
        lines.Add(Invariant($"policy: first response {options.SlaTarget}, calendar time, warning at {WarningPercent} %; server working set {_openWorkingSet / 1048576d:N0} MB with {options.Cases:N0} cases open"));
        return lines;
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        if (!_toRead.TryPeek(out var next) || DateTimeOffset.UtcNow < next.OpenedAt + options.SlaTarget + Grace)
        {
            // Nothing due yet (or everything read): wait a little rather than spin.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            return OperationOutcome.Success("nothing due yet");
        }
        if (!_toRead.TryDequeue(out var item))
        {
            return OperationOutcome.Success("nothing due yet");
        }
        var read = await steps.TimeAsync(0, () => _clocks.GetSlaEventsAsync(item.Number, cancellationToken));
        if (!read.IsSuccess)
        {
            return OperationOutcome.Failure(read.Error!, read.Detail);
        }
        var warning = read.Value!.FirstOrDefault(e => e.Kind == "slaWarning" && e.Details.StartsWith("firstResponse", StringComparison.Ordinal));
        var breach = read.Value!.FirstOrDefault(e => e.Kind == "slaBreached" && e.Details.StartsWith("firstResponse", StringComparison.Ordinal));
        var found = 0;
        if (warning is not null && DueOf(warning) is { } warningDue)
        {
            var warningAt = warningDue - options.SlaTarget + TimeSpan.FromSeconds(Math.Floor(options.SlaTarget.TotalSeconds * WarningPercent / 100));
            _warningLagMs.Add((warning.At - warningAt).TotalMilliseconds);
            found++;
        }
        if (breach is not null && DueOf(breach) is { } due)
        {
            _breachLagMs.Add((breach.At - due).TotalMilliseconds);
            found++;
        }
        Interlocked.Add(ref _missed, 2 - found);
        return found == 2 ? OperationOutcome.Success() : OperationOutcome.Failure("event missing", $"{item.Number}: {found} of 2 first-response events");
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        var endWorkingSet = _clocks.ServerWorkingSet ?? 0;
        var warning = LagSummary(_warningLagMs);
        var breach = LagSummary(_breachLagMs);
        var lines = new List<string>
        {
            Invariant($"warning lag (ms): {warning.Text}"),
            Invariant($"breach lag (ms): {breach.Text}"),
            Invariant($"events missing {Interlocked.Read(ref _missed):N0}; cases not read {_toRead.Count:N0} of {options.Cases:N0}"),
            Invariant($"server working set: {_openWorkingSet / 1048576d:N0} MB after opening, {endWorkingSet / 1048576d:N0} MB at the end"),
        };
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["sla.cases"] = options.Cases,
            ["sla.warningLagP50Ms"] = warning.P50,
            ["sla.warningLagP99Ms"] = warning.P99,
            ["sla.warningLagMaxMs"] = warning.Max,
            ["sla.breachLagP50Ms"] = breach.P50,
            ["sla.breachLagP99Ms"] = breach.P99,
            ["sla.breachLagMaxMs"] = breach.Max,
            ["sla.missed"] = Interlocked.Read(ref _missed),
            ["sla.openWorkingSetMb"] = Math.Round(_openWorkingSet / 1048576d),
            ["sla.endWorkingSetMb"] = Math.Round(endWorkingSet / 1048576d),
        };
        return Task.FromResult(new ScenarioFindings(lines, []) { Metrics = metrics });
    }

    /// <summary>The due time an SLA event names (<c>…; due 2026-03-02T09:00:00.0000000Z</c>).</summary>
    private static DateTimeOffset? DueOf(SlaEvent e)
    {
        const string Marker = "due ";
        var at = e.Details.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 && DateTimeOffset.TryParse(e.Details[(at + Marker.Length)..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due)
            ? due
            : null;
    }

    private static (double P50, double P99, double Max, string Text) LagSummary(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN, "no samples");
        }
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        var (p50, p99, max) = (At(50), At(99), sorted[^1]);
        return (p50, p99, max, Invariant($"p50 {p50:N0}, p99 {p99:N0}, max {max:N0} over {sorted.Length:N0} samples"));
    }
}
