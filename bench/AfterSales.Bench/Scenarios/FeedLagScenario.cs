using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// The case list's lag behind the case events at an intake rate: the intake of <see cref="IntakeScenario"/>, where every
/// <see cref="ProbeEvery"/>th case carries a unique token in its subject and a probe searches the list for it
/// (<c>GET /api/cases?text=</c>) every <see cref="PollInterval"/> from the moment its creation is acknowledged until it is
/// listed (the judged figure: acknowledged → listed, to within one poll). A sampler reads the list's
/// <c>progress</c> (its checkpoint against the journal's head) twice a second; after the load, the time until the
/// checkpoint reaches the head is the catch-up time.
/// </summary>
internal sealed class FeedLagScenario(IBenchTarget target, IListTarget list, Population population) : IScenario, IDisposable
{
    private const int ProbeEvery = 50;
    private const int ProbeWorkers = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(500);

    private readonly Channel<(string Token, long AckedAt)> _probes = Channel.CreateUnbounded<(string, long)>();
    private readonly LatencyHistogram _listed = new();
    private readonly ConcurrentBag<long> _checkpointLag = [];
    private readonly CancellationTokenSource _stopSampling = new();
    private long _unlisted;
    private bool _measuring;
    private Task _probing = Task.CompletedTask;
    private Task _sampling = Task.CompletedTask;

    public string Name => "feed-lag";

    public IReadOnlyList<string> Steps { get; } = ["create case"];

    public string OperationUnit => "created case";

    public string? FollowUp => "waiting for the probes and for the list to catch up";

    public Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken) =>
        Seeding.SeedStaffAndCustomersAsync(target, population, cancellationToken);

    public void OnMeasuring()
    {
        _measuring = true;
        _probing = Task.WhenAll(Enumerable.Range(0, ProbeWorkers).Select(_ => ProbeAsync()));
        _sampling = SampleAsync(_stopSampling.Token);
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var planned = population.CaseFor(sequence);
        var probe = _measuring && sequence % ProbeEvery == 0;
        var token = probe ? string.Create(CultureInfo.InvariantCulture, $"lagprobe{population.RunTag}x{sequence}q") : null;
        var request = token is null ? planned.Request : planned.Request with { Subject = $"{planned.Request.Subject} {token}" };
        var created = await steps.TimeAsync(0, () => target.OpenCaseAsync(request, cancellationToken));
        if (created.Value is not { } value)
        {
            return OperationOutcome.Failure(created.Error!, created.Detail);
        }
        if (token is not null)
        {
            _probes.Writer.TryWrite((token, Stopwatch.GetTimestamp()));
        }
        return OperationOutcome.Success(value.Status.ToString().ToLowerInvariant());
    }

    public async Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        _probes.Writer.TryComplete();
        await _probing;
        await _stopSampling.CancelAsync();
        await _sampling;
        var caughtUp = await WaitForCatchUpAsync(cancellationToken);

        var lines = new List<string>
        {
            _listed.Count == 0
                ? "no probe case was listed"
                : $"acknowledged → listed ({_listed.Count:N0} probes, 1 in {ProbeEvery} cases, polled every {PollInterval.TotalMilliseconds:0} ms): " +
                  $"p50 {Ms(_listed.ValueAtPercentile(50))} ms, p99 {Ms(_listed.ValueAtPercentile(99))} ms, max {Ms(_listed.Max)} ms" +
                  (_unlisted > 0 ? $"; {_unlisted:N0} not listed within {ProbeTimeout.TotalSeconds:0} s" : ""),
            _checkpointLag.IsEmpty
                ? "checkpoint lag not sampled"
                : $"checkpoint behind the journal's head while loading (events, sampled every {SampleInterval.TotalMilliseconds:0} ms): " +
                  $"median {Percentile(_checkpointLag, 0.5):N0}, max {_checkpointLag.Max():N0}",
            caughtUp is { } after
                ? $"checkpoint reached the head {after.TotalSeconds:0.0} s after the load ended"
                : "checkpoint did not reach the head within 60 s after the load ended",
        };
        var metrics = new Dictionary<string, double>
        {
            ["listed.count"] = _listed.Count,
            ["listed.p50Ms"] = _listed.Count == 0 ? 0 : _listed.ValueAtPercentile(50) / 1e6,
            ["listed.p99Ms"] = _listed.Count == 0 ? 0 : _listed.ValueAtPercentile(99) / 1e6,
            ["listed.maxMs"] = _listed.Max / 1e6,
            ["unlisted"] = _unlisted,
            ["checkpointLag.max"] = _checkpointLag.IsEmpty ? 0 : _checkpointLag.Max(),
            ["catchUpSeconds"] = caughtUp?.TotalSeconds ?? -1,
        };
        return new ScenarioFindings(lines, []) { Metrics = metrics };
    }

    public void Dispose() => _stopSampling.Dispose();

    private async Task ProbeAsync()
    {
        await foreach (var (token, ackedAt) in _probes.Reader.ReadAllAsync())
        {
            while (true)
            {
                var found = await list.IsListedAsync(token, CancellationToken.None);
                if (found.Value)
                {
                    _listed.RecordSince(ackedAt);
                    break;
                }
                if (Stopwatch.GetElapsedTime(ackedAt) > ProbeTimeout)
                {
                    Interlocked.Increment(ref _unlisted);
                    break;
                }
                await Task.Delay(PollInterval);
            }
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if ((await list.GetListProgressAsync(cancellationToken)).Value is var progress && progress.Head > 0)
                {
                    _checkpointLag.Add(Math.Max(0, progress.Head - progress.Position));
                }
                await Task.Delay(SampleInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The load ended.
        }
    }

    private async Task<TimeSpan?> WaitForCatchUpAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
        {
            if ((await list.GetListProgressAsync(cancellationToken)).Value is var progress && progress.Head > 0 && progress.Position >= progress.Head)
            {
                return Stopwatch.GetElapsedTime(started);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        return null;
    }

    private static long Percentile(IEnumerable<long> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
    }

    private static string Ms(long nanoseconds) => (nanoseconds / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
