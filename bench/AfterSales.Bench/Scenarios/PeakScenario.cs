using System.Diagnostics;
using System.Text;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using static AfterSales.Bench.Reporting.Text;
using AfterSales.Bench.Stats;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Technicians;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// Peak season as a new user meets it. Phase 1 (measured): nobody is on shift, and writers create fault cases for the
/// customers of one region, so every case queues in one department-region; intake is reported per window of queue
/// length against the first window (the empty queue), until the queue target is reached or the duration ends. The
/// warm-up creates its cases in another region, so the measured queue starts empty. Phase 2 (after the ceiling): the
/// department-region's technicians come on shift and take cases from the queue until each holds as many as its
/// capacity allows (hundreds), then resolves are timed until their technician holds the next queued case.
/// </summary>
internal sealed class PeakScenario : IScenario
{
    /// <summary>How much worse than the empty queue intake may get (cases/s and p99).</summary>
    public const double IntakeLimit = 1.5;

    /// <summary>A resolve pulls the next queued case within this, p99.</summary>
    public static readonly TimeSpan PullTarget = TimeSpan.FromMilliseconds(100);

    /// <summary>Technicians should hold at least this many cases each when pulls are timed ("hundreds").</summary>
    public const int HeldPerTechnician = 100;

    private const int WarmupCustomers = 100;
    private static readonly TimeSpan PullTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(250);
    private static readonly long[] ShownWindows = [3_000, 7_000, 15_000, 25_000, 40_000];

    private readonly IBenchTarget _target;
    private readonly BenchOptions _options;
    private readonly Population _customers;
    private readonly Population _warmup;
    private readonly IReadOnlyList<TechnicianSeed> _technicians;
    private readonly string _pool;
    private readonly int _weight = Triage.WeightOf(CaseType.Fault);
    private QueueWindows? _windows;
    private long _assigned;
    private long _failed;

    public PeakScenario(IBenchTarget target, string runTag, BenchOptions options)
    {
        _target = target;
        _options = options;
        var region = options.EffectiveRegions[0];
        _pool = GrainKeys.DepartmentRegion(Department.TechnicalSupport, region);
        _customers = new Population(runTag, options.Seed, [region], options.Customers, technicians: 0, options.TechnicianCapacity);
        _warmup = new Population($"{runTag}w", options.Seed, [options.EffectiveRegions[1]], WarmupCustomers, technicians: 0, options.TechnicianCapacity);
        _technicians = [.. Enumerable.Range(0, options.TechnicianCount).Select(i => new TechnicianSeed(
            $"T-{runTag}-P{i:D4}", $"Bench Technician {i}", Department.TechnicalSupport, region, "general", 3,
            options.TechnicianCapacity, OnShift: false))];
    }

    public string Name => "peak";

    /// <summary>Only a run of the targets' shape is checked against them: over HTTP (as a new user meets it) and aiming at
    /// their queue length.</summary>
    private bool IsTargetShape => _options.Mode == BenchMode.Http && _options.QueueTarget >= TargetCatalogue.PeakQueue;

    public IReadOnlyList<string> Steps { get; } = ["create case"];

    public string OperationUnit => "queued case";

    public long? MeasuredBudget => _options.QueueTarget;

    public string? FollowUp => _options.Resolves > 0
        ? "phase 2: technicians come on shift and take queued cases, then resolves are timed until each pulls the next case"
        : null;

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var technicians = await Batch.RunAsync($"technicians of {_pool} seeded off shift", _technicians, _target.RegisterTechnicianAsync, cancellationToken);
        var customers = await Batch.RunAsync($"customers of {_customers.Regions[0]} seeded", _customers.Customers, _target.RegisterCustomerAsync, cancellationToken);
        var warmup = await Batch.RunAsync($"customers of {_warmup.Regions[0]} seeded for the warm-up", _warmup.Customers, _target.RegisterCustomerAsync, cancellationToken);
        return [technicians, customers, warmup, Invariant(
            $"measured: fault cases queue in {_pool} (nobody on shift) until {_options.QueueTarget:N0} are queued or the duration ends; windows of {_options.WindowSize:N0}; the warm-up's cases queue in {_warmup.Regions[0]}")];
    }

    public void OnMeasuring() => _windows = new QueueWindows(_options.WindowSize, Stopwatch.GetTimestamp());

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var windows = Volatile.Read(ref _windows);
        var planned = (windows is null ? _warmup : _customers).CaseFor(sequence, CaseType.Fault);
        var started = Stopwatch.GetTimestamp();
        var created = await steps.TimeAsync(0, () => _target.OpenCaseAsync(planned.Request, cancellationToken));
        var completed = Stopwatch.GetTimestamp();
        if (created.Value is not { } value)
        {
            if (windows is not null)
            {
                Interlocked.Increment(ref _failed);
            }
            return OperationOutcome.Failure(created.Error!, created.Detail);
        }
        if (value.AssignedTechnicianId is not null)
        {
            // Nobody is on shift: an assigned case means the scenario is not what it claims to be.
            Interlocked.Increment(ref _assigned);
            return OperationOutcome.Success("assigned");
        }
        windows?.Record(LatencyHistogram.ToNanoseconds(completed - started), completed);
        return OperationOutcome.Success("queued");
    }

    public async Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var checks = new List<TargetCheck>();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var detail = new StringBuilder();

        var windows = _windows?.Summarize() ?? [];
        var queued = _windows?.Count ?? 0;
        var intake = PeakIntakeVerdict.Evaluate(windows, _options.QueueTarget, IntakeLimit);
        DescribeIntake(intake, windows, lines, checks, metrics, detail);

        if (_options.Resolves > 0 && queued > 0)
        {
            await MeasurePullsAsync(queued, lines, checks, metrics, cancellationToken);
        }
        return new ScenarioFindings(lines, checks) { Metrics = metrics, Detail = detail.ToString() };
    }

    private void DescribeIntake(
        PeakIntakeVerdict intake, IReadOnlyList<WindowStats> windows, List<string> lines, List<TargetCheck> checks,
        Dictionary<string, double> metrics, StringBuilder detail)
    {
        var assigned = Interlocked.Read(ref _assigned);
        var failed = Interlocked.Read(ref _failed);
        metrics["peak.queued"] = intake.Queued;
        lines.Add(Invariant($"queued {intake.Queued:N0} of the {_options.QueueTarget:N0} targeted in {_pool}{(intake.ReachedTarget ? "" : " (the duration ended first)")}; {assigned:N0} assigned, {failed:N0} failed"));
        if (intake.Baseline is not { } first || intake.AtLongest is not { } longest)
        {
            lines.Add("intake per queue length not judged: fewer than two full windows were queued");
            return;
        }
        // Both ratios read "times worse than the first window": its rate over this one's, this p99 over its p99.
        detail.Append("| queued cases | cases/s | slower than first | p50 ms | p99 ms | p99 vs first |\n|---|--:|--:|--:|--:|--:|\n");
        foreach (var window in PeakIntakeVerdict.Highlights(windows, ShownWindows, intake.Worst))
        {
            detail.Append(Invariant($"| {window.From:N0}–{window.To:N0}{(window == intake.Worst ? " (worst)" : "")} | {window.PerSecond:N1} | {LatencyRatio.Ratio(first.PerSecond, window.PerSecond):0.00}× | {Ms(window.P50Ns)} | {Ms(window.P99Ns)} | {LatencyRatio.Ratio(window.P99Ns, first.P99Ns):0.00}× |\n"));
            var at = Invariant($"peak.window{window.From - 1}");
            metrics[$"{at}.perSecond"] = window.PerSecond;
            metrics[$"{at}.p99Ms"] = window.P99Ns / 1e6;
        }
        metrics["peak.rateRatio"] = intake.RateRatio;
        metrics["peak.p99Ratio"] = intake.P99Ratio;
        var measuredText = Invariant(
            $"first {first.From:N0}–{first.To:N0}: {first.PerSecond:N1}/s, p99 {Ms(first.P99Ns)} ms; at {longest.From:N0}–{longest.To:N0}: {longest.PerSecond:N1}/s, p99 {Ms(longest.P99Ns)} ms — {intake.RateRatio:0.00}× slower, p99 {intake.P99Ratio:0.00}×{Worst(intake, first)}; {intake.Queued:N0} queued of {_options.QueueTarget:N0}, {failed:N0} failed");
        lines.Add($"intake against queue length: {measuredText}");
        if (IsTargetShape)
        {
            checks.Add(TargetCatalogue.PeakIntake.Check(measuredText, intake.Met && failed == 0 && assigned == 0));
        }
    }

    private async Task MeasurePullsAsync(
        long queued, List<string> lines, List<TargetCheck> checks, Dictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        var drain = await DrainAsync(queued, cancellationToken);
        lines.Add(drain.Line);
        metrics["peak.drainPerSecond"] = drain.PerSecond;
        metrics["peak.heldPerTechnician"] = drain.MinHeldCases;
        if (!drain.Full)
        {
            // A technician with room takes queued cases whether or not one of its cases was resolved, so a pull
            // timed now would measure the drain, not the pull.
            lines.Add("the technicians were not full when the drain stopped: the queue still flows into them, so the pull times below are not pull times and the pull target counts as missed");
        }
        var left = queued - drain.HeldCases;
        var resolves = (int)Math.Min(_options.Resolves, Math.Max(0, left));
        if (resolves < _options.Resolves)
        {
            lines.Add(Invariant($"only {left:N0} cases were still queued beyond what the technicians hold: {resolves:N0} resolves timed instead of {_options.Resolves:N0}"));
        }
        if (resolves == 0)
        {
            return;
        }

        var probe = new PullProbe(_target, _options.PollInterval, PullTimeout);
        var started = Stopwatch.GetTimestamp();
        await probe.RunAsync([.. _technicians.Select(t => t.Id)], resolves, _options.PullWorkers, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var upperP99 = probe.Upper.ValueAtPercentile(99);
        metrics["peak.pull.p50Ms"] = probe.Upper.ValueAtPercentile(50) / 1e6;
        metrics["peak.pull.p99Ms"] = upperP99 / 1e6;
        metrics["peak.pull.lowerP99Ms"] = probe.Lower.ValueAtPercentile(99) / 1e6;
        metrics["peak.pull.pollGapP50Ms"] = probe.PollGap.ValueAtPercentile(50) / 1e6;
        metrics["peak.pull.failed"] = probe.Failed;
        var errors = string.Join("; ", probe.Errors.Snapshot().Select(e => Invariant($"{e.Key} × {e.Count:N0} ({e.FirstDetail})")));
        lines.Add(Invariant(
            $"resolves: {probe.Pulled:N0} pulled of {resolves:N0} in {elapsed.TotalSeconds:0.0} s on {Math.Min(_options.PullWorkers, _technicians.Count)} workers; start p50 {Ms(probe.Start.ValueAtPercentile(50))} ms, resolve p50 {Ms(probe.Resolve.ValueAtPercentile(50))} ms, p99 {Ms(probe.Resolve.ValueAtPercentile(99))} ms{(errors.Length > 0 ? $"; failed: {errors}" : "")}"));
        lines.Add(Invariant(
            $"reads between a resolve and its pull: one every {Ms(probe.PollGap.ValueAtPercentile(50))} ms (p50; p99 {Ms(probe.PollGap.ValueAtPercentile(99))} ms), {probe.PollsPerPull:0.0} per pull; the pull happened after the lower bound (p50 {Ms(probe.Lower.ValueAtPercentile(50))} ms, p99 {Ms(probe.Lower.ValueAtPercentile(99))} ms) and before the upper one"));
        var measuredText = Invariant(
            $"p99 {Ms(upperP99)} ms from the resolve's answer to the technician holding the next case (p50 {Ms(probe.Upper.ValueAtPercentile(50))} ms, max {Ms(probe.Upper.Max)} ms; upper bound of a read every ~{Ms(probe.PollGap.ValueAtPercentile(50))} ms); {probe.Pulled:N0} pulls, {probe.Failed:N0} failed; technicians held ≥ {drain.MinHeldCases:N0} cases each{(drain.Full ? "" : ", not full")}");
        lines.Add($"pull: {measuredText}");
        if (IsTargetShape)
        {
            checks.Add(TargetCatalogue.PeakPull.Check(measuredText,
                probe.Pulled > 0 && probe.Failed == 0 && upperP99 <= PullTarget.TotalNanoseconds && drain.Full && drain.MinHeldCases >= HeldPerTechnician));
        }
    }

    private static string Worst(PeakIntakeVerdict intake, WindowStats first) =>
        intake.Worst is { } worst && worst != intake.AtLongest
            ? Invariant($" (worst window {worst.From:N0}–{worst.To:N0}: {LatencyRatio.Ratio(first.PerSecond, worst.PerSecond):0.00}× slower, p99 {LatencyRatio.Ratio(worst.P99Ns, first.P99Ns):0.00}×)")
            : "";

    /// <summary>Puts the technicians on shift and waits until none can take another case (or the queue ran out, the
    /// drain stalled, or the timeout passed).</summary>
    private async Task<DrainResult> DrainAsync(long queued, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Batch.RunAsync("technicians put on shift", _technicians, (t, ct) => _target.SetShiftAsync(t.Id, onShift: true, ct), cancellationToken);
        var lastProgress = Stopwatch.GetTimestamp();
        var loads = new int[_technicians.Count];
        var lastTotal = -1L;
        string? stopped = null;
        var full = false;
        while (true)
        {
            var reads = await Task.WhenAll(_technicians.Select(t => _target.GetTechnicianLoadAsync(t.Id, cancellationToken)));
            for (var i = 0; i < reads.Length; i++)
            {
                loads[i] = reads[i].IsSuccess ? reads[i].Value : loads[i];
            }
            var total = loads.Sum(l => (long)l);
            full = loads.All(load => !CapacityRule.Fits(load, _options.TechnicianCapacity, _weight));
            if (full || total >= queued * _weight)
            {
                break;
            }
            if (total > lastTotal)
            {
                (lastTotal, lastProgress) = (total, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > DrainStall)
            {
                stopped = Invariant($"stalled: no case moved for {DrainStall.TotalSeconds:0} s");
                break;
            }
            if (Stopwatch.GetElapsedTime(started) > _options.DrainTimeout)
            {
                stopped = Invariant($"stopped waiting after {_options.DrainTimeout.TotalSeconds:0} s (--drain-timeout)");
                break;
            }
            await Task.Delay(DrainPoll, cancellationToken);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var held = loads.Sum(l => (long)l) / _weight;
        var minHeld = loads.Length == 0 ? 0 : loads.Min() / _weight;
        var perSecond = held / Math.Max(elapsed.TotalSeconds, 1e-3);
        var line = Invariant(
            $"drain: {_technicians.Count} technicians came on shift and took {held:N0} queued cases in {elapsed.TotalSeconds:0.0} s ({perSecond:N0}/s, state polled every {DrainPoll.TotalMilliseconds:0} ms); each holds {minHeld:N0}–{(loads.Length == 0 ? 0 : loads.Max() / _weight):N0} ({_options.TechnicianCapacity:N0} units of capacity, {_weight} per fault case){(stopped is null ? "" : $"; {stopped}")}");
        return new DrainResult(held, minHeld, perSecond, full, line);
    }

    /// <param name="Full">True when no technician could take another case: only then does a freed unit come from a resolve.</param>
    private sealed record DrainResult(long HeldCases, long MinHeldCases, double PerSecond, bool Full, string Line);
}
