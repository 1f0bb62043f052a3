using System.Diagnostics;
using AfterSales.Bench.Drivers.InProc;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// The maintenance scheduler at fleet scale. Setup holds one due entry for each of <c>--devices</c> devices through the
/// scheduler's bulk path (fire times spread evenly over <c>--horizon</c>, starting just after the measured phase, so
/// the buckets that tick during it hold fleet entries too), then <c>--probes</c> entries that fall due evenly over the
/// measured phase, and measures the process's memory with everything held. One operation waits for the next probe's
/// hand-over; its emission delay is the hand-over's arrival minus its fire time. Every tick with entries due is timed
/// through the scheduler's own instruments.
/// </summary>
internal sealed class MaintenanceScenario(InProcTarget target, string runTag, BenchOptions options) : IScenario, IDisposable
{
    public const double EmissionLimitSeconds = 60;
    public const long MemoryLimitBytes = 4L << 30;

    /// <summary>The most entries one bulk call carries.</summary>
    private const int BatchSize = 20_000;
    private const int BatchesInFlight = 4;

    /// <summary>Single schedule calls in flight with <c>--per-entry</c>.</summary>
    private const int PerEntryInFlight = 256;

    /// <summary>The fleet's entries fall due from this long after setup starts: after any run, so none is handed over.</summary>
    private static readonly TimeSpan FleetLead = TimeSpan.FromMinutes(30);

    /// <summary>How long after its fire time a probe may still arrive before it counts as never emitted.</summary>
    private static readonly TimeSpan EmissionWait = TimeSpan.FromSeconds(90);

    /// <summary>Probes start falling due this long after setup, so the first ones are not yet due when held.</summary>
    private static readonly TimeSpan ProbeLead = TimeSpan.FromSeconds(3);

    private readonly LatencyHistogram _delays = new();
    private readonly TickMeter _ticks = new();
    private MaintenanceDue[] _probes = [];
    private Task<DateTimeOffset>[] _arrivals = [];
    private long _next = -1;
    private long _early;
    private string[] _probeBuckets = [];
    private readonly Dictionary<string, double> _setupMetrics = new(StringComparer.Ordinal);

    public string Name => "maintenance";

    public IReadOnlyList<string> Steps => ["hand-over"];

    public string OperationUnit => "probe handed over";

    public long? MeasuredBudget => options.Probes;

    public string FollowUp => "waiting for the last probes' hand-overs";

    private MaintenanceSink Sink => target.MaintenanceSink ?? throw new BenchException("The in-process silo was started without the maintenance sink.");

    private IMaintenanceScheduleGrain Scheduler => target.Grains.GetGrain<IMaintenanceScheduleGrain>(0);

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        var scheduler = target.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;
        var fleetStart = DateTimeOffset.UtcNow + FleetLead;

        var started = Stopwatch.GetTimestamp();
        var buckets = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string>? registration = null;
        if (options.RegisterDevices)
        {
            var (lines, held, perSecond) = await new FleetRegistration(target, runTag, options.DevicesOrDefault, options.Horizon, options.EffectiveRegions, options.PerEntry)
                .RunAsync(cancellationToken);
            buckets.UnionWith(held.Select(e => MaintenanceBuckets.KeyOf(e, scheduler.SlotLength, scheduler.Shards)));
            registration = lines;
            _setupMetrics["maintenance.registeredPerSecond"] = Math.Round(perSecond);
        }
        else
        {
            await HoldFleetAsync(fleetStart, scheduler, buckets, cancellationToken);
        }
        var fleetTime = Stopwatch.GetElapsedTime(started);

        // Probes fall due from shortly after they are held, over most of the measured phase.
        var probeStart = DateTimeOffset.UtcNow + ProbeLead;
        var probeSpan = options.ProbeSpread ?? options.Duration * 0.8;
        _probes = [.. Enumerable.Range(0, options.Probes).Select(i => Entry($"PR-{runTag}-{i:D6}", probeStart + (probeSpan * i / options.Probes)))];
        _arrivals = [.. _probes.Select(p => Sink.Expect(p.Serial))];
        // From here on, so a tick of the first probes during the memory measurement is not missed (the fleet's
        // entries fall due after the run: every tick with entries due is a probes' tick).
        _ticks.Start();
        await Scheduler.ScheduleManyAsync(_probes);
        _probeBuckets = [.. _probes.Select(e => MaintenanceBuckets.KeyOf(e, scheduler.SlotLength, scheduler.Shards)).Distinct()];
        buckets.UnionWith(_probeBuckets);

        var (workingSet, peak, heap) = Memory();
        var rate = options.DevicesOrDefault / fleetTime.TotalSeconds;
        _setupMetrics["maintenance.devices"] = options.DevicesOrDefault;
        if (registration is null)
        {
            _setupMetrics["maintenance.heldPerSecond"] = Math.Round(rate);
        }
        _setupMetrics["maintenance.buckets"] = buckets.Count;
        _setupMetrics["maintenance.workingSetMb"] = Math.Round(workingSet / 1048576d);
        _setupMetrics["maintenance.peakWorkingSetMb"] = Math.Round(peak / 1048576d);
        _setupMetrics["maintenance.heapMb"] = Math.Round(heap / 1048576d);
        return
        [
            .. registration ?? [Invariant($"fleet: {options.DevicesOrDefault:N0} due entries held in {fleetTime.TotalSeconds:0.0} s ({rate:N0}/s, {(options.PerEntry ? Invariant($"one entry per call, {PerEntryInFlight} in flight") : "bulk path, one batch per slot")} in fire-time order), fire times over {options.Horizon.TotalDays:0.#} days from {FleetLead.TotalMinutes:0} min on")],
            Invariant($"buckets (one reminder each): {buckets.Count:N0} ({scheduler.SlotLength.TotalMinutes:0} min slots × {scheduler.Shards} shards)"),
            probeSpan == TimeSpan.Zero
                ? Invariant($"probes: {options.Probes:N0} all due at the same moment, {ProbeLead.TotalSeconds:0} s after they are held")
                : Invariant($"probes: {options.Probes:N0} falling due over {probeSpan.TotalSeconds:0.#} s of the measured phase"),
            Invariant($"memory with everything held (silo and bench, one process): working set {workingSet / 1048576d:N0} MiB (peak {peak / 1048576d:N0} MiB), managed heap {heap / 1048576d:N0} MiB"),
        ];
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var i = Interlocked.Increment(ref _next);
        if (i >= _probes.Length)
        {
            return OperationOutcome.Failure("no-probe", "every probe is taken");
        }
        var probe = _probes[i];
        var wait = probe.FireAt + EmissionWait - DateTimeOffset.UtcNow;
        try
        {
            var arrived = await _arrivals[i].WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
            return Record(probe, arrived);
        }
        catch (TimeoutException)
        {
            return OperationOutcome.Failure("not-emitted", Invariant($"no hand-over {EmissionWait.TotalSeconds:0} s after its fire time"));
        }
    }

    public async Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        // Probes the measured phase did not wait for (it ended first) are still judged, from the sink.
        for (var i = Interlocked.Read(ref _next) + 1; i < _probes.Length; i++)
        {
            var wait = _probes[i].FireAt + EmissionWait - DateTimeOffset.UtcNow;
            try
            {
                Record(_probes[i], await _arrivals[i].WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken));
            }
            catch (TimeoutException)
            {
            }
        }
        // A tick ends after its hand-overs (the last one of a bucket clears its state and drops its reminder): ticks do
        // not interleave, so one more tick per probe bucket returns once the last has ended and been timed.
        await Task.WhenAll(_probeBuckets.Select(key => target.Grains.GetGrain<IMaintenanceBucketGrain>(key).TickAsync()))
            .WaitAsync(EmissionWait, cancellationToken);
        _ticks.Dispose();
        var emitted = _delays.Count;
        var missing = _probes.Length - emitted;
        var perEntryUs = _ticks.Entries == 0 ? 0 : _ticks.Durations.Mean * _ticks.Durations.Count / _ticks.Entries / 1000;
        var metrics = new Dictionary<string, double>(_setupMetrics, StringComparer.Ordinal)
        {
            ["maintenance.emitted"] = emitted,
            ["maintenance.missing"] = missing,
            ["maintenance.repeats"] = Sink.Repeats,
            ["maintenance.emission.p50Ms"] = _delays.ValueAtPercentile(50) / 1e6,
            ["maintenance.emission.p99Ms"] = _delays.ValueAtPercentile(99) / 1e6,
            ["maintenance.emission.maxMs"] = _delays.Max / 1e6,
            ["maintenance.tick.count"] = _ticks.Durations.Count,
            ["maintenance.tick.meanDue"] = _ticks.Durations.Count == 0 ? 0 : (double)_ticks.Entries / _ticks.Durations.Count,
            ["maintenance.tick.p50Ms"] = _ticks.Durations.ValueAtPercentile(50) / 1e6,
            ["maintenance.tick.p99Ms"] = _ticks.Durations.ValueAtPercentile(99) / 1e6,
            ["maintenance.tick.perEntryUs"] = Math.Round(perEntryUs, 1),
        };
        var emission = Invariant($"{emitted:N0} of {_probes.Length:N0} emitted; delay p50 {Ms(_delays.ValueAtPercentile(50))} ms, p99 {Ms(_delays.ValueAtPercentile(99))} ms, max {Ms(_delays.Max)} ms");
        var ticks = Invariant($"{_ticks.Durations.Count:N0} ticks with entries due ({metrics["maintenance.tick.meanDue"]:0.0} due on average): p50 {Ms(_ticks.Durations.ValueAtPercentile(50))} ms, p99 {Ms(_ticks.Durations.ValueAtPercentile(99))} ms, {perEntryUs:0.0} µs per entry handed over, with {options.DevicesOrDefault:N0} devices held");
        var memory = Invariant($"working set {_setupMetrics["maintenance.workingSetMb"]:N0} MiB with {options.DevicesOrDefault:N0} {(options.RegisterDevices ? "devices registered (their plans' next occurrences held)" : "devices held")}");
        List<TargetCheck> checks =
        [
            TargetCatalogue.MaintenanceEmission.Check(emission,
                missing == 0 && _early == 0 && _delays.Max <= EmissionLimitSeconds * 1e9 && Sink.Repeats == 0),
        ];
        // The memory target counts devices registered with their plans, not bare scheduler entries.
        if (options.DevicesOrDefault >= TargetCatalogue.MaintenanceFleet && options.RegisterDevices)
        {
            checks.Add(TargetCatalogue.MaintenanceMemory.Check(memory, _setupMetrics["maintenance.workingSetMb"] * 1048576d <= MemoryLimitBytes));
        }
        if (TargetCatalogue.MaintenanceTickCost(options.DevicesOrDefault) is { } tickTarget)
        {
            checks.Add(tickTarget.Check(ticks, met: true));
        }
        string[] lines =
        [
            $"emission: {emission}{(_early > 0 ? Invariant($"; {_early} handed over before their fire time") : "")}",
            $"ticks: {ticks}",
            Invariant($"hand-overs: {Sink.HandOvers:N0} in all, {Sink.Repeats:N0} repeated"),
        ];
        return new ScenarioFindings(lines, checks) { Metrics = metrics };
    }

    public void Dispose() => _ticks.Dispose();

    /// <summary>Holds one bare due entry per device through the scheduler (the default; <c>--register-devices</c> registers
    /// devices instead).</summary>
    private Task HoldFleetAsync(DateTimeOffset fleetStart, MaintenanceSchedulerOptions scheduler, HashSet<string> buckets, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(FleetBatches(fleetStart, scheduler.SlotLength),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (entries, _) =>
            {
                var keys = entries.Select(e => MaintenanceBuckets.KeyOf(e, scheduler.SlotLength, scheduler.Shards)).ToHashSet();
                lock (buckets)
                {
                    buckets.UnionWith(keys);
                }
                if (options.PerEntry)
                {
                    await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = PerEntryInFlight / BatchesInFlight },
                        async (entry, _) => await Scheduler.ScheduleAsync(entry));
                }
                else
                {
                    await Scheduler.ScheduleManyAsync(entries);
                }
            });

    private OperationOutcome Record(MaintenanceDue probe, DateTimeOffset arrived)
    {
        var delay = arrived - probe.FireAt;
        if (delay < TimeSpan.Zero)
        {
            Interlocked.Increment(ref _early);
            return OperationOutcome.Failure("early", Invariant($"handed over {-delay.TotalMilliseconds:0} ms before its fire time"));
        }
        _delays.Record((long)(delay.TotalMilliseconds * 1_000_000));
        return OperationOutcome.Success(delay.TotalSeconds <= EmissionLimitSeconds ? "on time" : "late");
    }

    /// <summary>The fleet's entries in fire-time order, as a fleet import sorted by due date would send them: one batch per
    /// slot (at most <see cref="BatchSize"/>), so each bucket is written about once.</summary>
    private IEnumerable<MaintenanceDue[]> FleetBatches(DateTimeOffset fleetStart, TimeSpan slotLength)
    {
        var batch = new List<MaintenanceDue>();
        DateTimeOffset? slot = null;
        for (var k = 0; k < options.DevicesOrDefault; k++)
        {
            var entry = Entry($"FL-{runTag}-{k:D7}", fleetStart + (options.Horizon * ((double)k / options.DevicesOrDefault)));
            var entrySlot = MaintenanceBuckets.SlotStart(entry.FireAt, slotLength);
            if (batch.Count == BatchSize || (slot is not null && slot != entrySlot))
            {
                yield return [.. batch];
                batch.Clear();
            }
            slot = entrySlot;
            batch.Add(entry);
        }
        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    private static MaintenanceDue Entry(string serial, DateTimeOffset fireAt) =>
        new(serial, "bench-plan", "p1", fireAt + TimeSpan.FromDays(7), fireAt);

    private static (long WorkingSet, long Peak, long Heap) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, process.PeakWorkingSet64, heap);
    }
}
