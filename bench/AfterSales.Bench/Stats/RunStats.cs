namespace AfterSales.Bench.Stats;

/// <summary>Everything measured in one load phase: whole-operation latency, per-request (step) latency,
/// counts, errors by key and outcome tags. Latencies are recorded for successful operations only; failures
/// are counted by key instead, so a fast error never flatters the percentiles.</summary>
internal sealed class RunStats
{
    private long _succeeded;
    private long _failed;
    private long _requests;
    private long _maxDispatchLagNs;
    private long _abandoned;

    public RunStats(IReadOnlyList<string> stepNames)
    {
        StepNames = stepNames;
        Steps = [.. stepNames.Select(_ => new LatencyHistogram())];
    }

    /// <summary>Latency of whole operations: from the scheduled send time (open loop) or the actual start (closed loop).</summary>
    public LatencyHistogram Operations { get; } = new();

    /// <summary>Names of the requests an operation makes, in order.</summary>
    public IReadOnlyList<string> StepNames { get; }

    /// <summary>Latency of each request, from its actual send; one histogram per step name.</summary>
    public IReadOnlyList<LatencyHistogram> Steps { get; }

    /// <summary>Failed operations by error key (HTTP status, grain error kind, exception type).</summary>
    public ErrorTally Errors { get; } = new();

    /// <summary>Tags scenarios put on successful operations (e.g. <c>assigned</c> or <c>queued</c>).</summary>
    public ErrorTally Tags { get; } = new();

    public long Succeeded => Interlocked.Read(ref _succeeded);
    public long Failed => Interlocked.Read(ref _failed);
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Open loop only: the longest a send started after its scheduled time (the generator falling behind).</summary>
    public TimeSpan MaxDispatchLag => TimeSpan.FromTicks(Interlocked.Read(ref _maxDispatchLagNs) / 100);

    /// <summary>Wall time of the measured phase, from the first send to the last completion.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Operations cancelled by an abort (Ctrl+C) before they finished.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    public double OperationsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Succeeded / Elapsed.TotalSeconds;
    public double RequestsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Requests / Elapsed.TotalSeconds;

    public void Succeed(long startTimestamp, string? tag)
    {
        Operations.RecordSince(startTimestamp);
        Interlocked.Increment(ref _succeeded);
        if (tag is not null)
        {
            Tags.Add(tag);
        }
    }

    public void Fail(string key, string? detail, long count = 1)
    {
        Interlocked.Add(ref _failed, count);
        Errors.Add(key, detail, count);
    }

    public void Abandon() => Interlocked.Increment(ref _abandoned);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void ObserveDispatchLag(long lagNs) => AtomicExtreme.Raise(ref _maxDispatchLagNs, lagNs);
}
