using AfterSales.Bench.Drivers;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Stats;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Scenarios;

/// <summary>Gateways sending meter readings: <c>--devices</c> devices of one metered model are registered, split into
/// gateways of <c>--batch-devices</c> devices each; one operation is one <c>POST /api/readings/batch</c> of
/// <c>--batch-rows</c> rows from one gateway (rows spread evenly over its devices, alternating the hours counter and the
/// temperature gauge a condition rule reads). Gateways take turns, so a device's readings arrive in time order.</summary>
internal sealed class ReadingsScenario(IBenchTarget target, Population population, BenchOptions options) : IScenario
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly IReadingsTarget _readings = target as IReadingsTarget
        ?? throw new BenchException("This target cannot send readings.");

    private string[] _serials = [];
    private long _applied;
    private long _sent;

    public string Name => "readings";

    public IReadOnlyList<string> Steps { get; } = ["readings batch"];

    public string OperationUnit => "batch";

    private int Gateways => options.DevicesOrDefault / options.BatchDevices;

    private int RowsPerDevice => options.BatchRows / options.BatchDevices;

    public async Task<IReadOnlyList<string>> SetupAsync(CancellationToken cancellationToken)
    {
        if (options.BatchDevices > options.DevicesOrDefault || options.BatchRows % options.BatchDevices != 0)
        {
            throw new BenchException("--batch-devices must not exceed --devices and must divide --batch-rows.");
        }
        var lines = new List<string> { await Batch.RunAsync("customers seeded", population.Customers, target.RegisterCustomerAsync, cancellationToken) };
        var model = $"METER-{population.RunTag}";
        var defined = await _readings.DefineMeteredModelAsync(model, cancellationToken);
        if (!defined.IsSuccess)
        {
            throw new BenchException($"Setup failed (metered model): {defined.Error} {defined.Detail}");
        }
        var serials = Enumerable.Range(0, options.DevicesOrDefault).Select(i => Invariant($"RD-{population.RunTag}-{i:D7}")).ToArray();
        lines.Add(await Batch.RunAsync("devices registered", serials, (serial, ct) =>
        {
            var owner = population.Customers[(int)((uint)serial.GetHashCode(StringComparison.Ordinal) % (uint)population.Customers.Count)];
            return _readings.RegisterDeviceAsync(serial, model, owner.Id, ct);
        }, cancellationToken));
        _serials = serials;
        lines.Add(Invariant($"{Gateways:N0} gateways of {options.BatchDevices:N0} devices; a batch is {options.BatchRows:N0} rows, {RowsPerDevice} per device"));
        return lines;
    }

    public void OnMeasuring()
    {
        Interlocked.Exchange(ref _applied, 0);
        Interlocked.Exchange(ref _sent, 0);
    }

    public async Task<OperationOutcome> ExecuteAsync(long sequence, StepRecorder steps, CancellationToken cancellationToken)
    {
        var rows = Rows(sequence);
        var sent = await steps.TimeAsync(0, () => _readings.RecordBatchAsync(rows, cancellationToken));
        if (!sent.IsSuccess)
        {
            return OperationOutcome.Failure(sent.Error!, sent.Detail);
        }
        Interlocked.Add(ref _applied, sent.Value);
        Interlocked.Add(ref _sent, rows.Count);
        return OperationOutcome.Success(sent.Value == rows.Count ? null : "stale rows");
    }

    /// <summary>The batch of gateway <c>sequence mod gateways</c> in its round <c>sequence / gateways</c>: every
    /// device's readings are a second apart, later rounds later, the counter counting one per reading.</summary>
    private List<ReadingRow> Rows(long sequence)
    {
        var gateway = (int)(sequence % Gateways);
        var round = sequence / Gateways;
        var rows = new List<ReadingRow>(options.BatchRows);
        for (var r = 0; r < RowsPerDevice; r++)
        {
            var tick = round * RowsPerDevice + r;
            var at = Start.AddSeconds(tick);
            for (var d = 0; d < options.BatchDevices; d++)
            {
                var serial = _serials[gateway * options.BatchDevices + d];
                rows.Add(r % 2 == 0
                    ? new ReadingRow(serial, MeteredModel.Counter, tick, at)
                    : new ReadingRow(serial, MeteredModel.Gauge, 40 + (tick % 17), at));
            }
        }
        return rows;
    }

    public Task<ScenarioFindings> SummarizeAsync(RunStats measured, CancellationToken cancellationToken)
    {
        var seconds = measured.Elapsed.TotalSeconds;
        var applied = Interlocked.Read(ref _applied);
        var perSecond = seconds > 0 ? applied / seconds : 0;
        var stale = Interlocked.Read(ref _sent) - applied;
        var shape = options.Mode == BenchMode.Http && !options.MemoryStorage
            && options.BatchRows == TargetCatalogue.ReadingsBatchRows && options.BatchDevices == TargetCatalogue.ReadingsBatchDevices;
        var line = Invariant($"{perSecond:N0} readings/s applied ({applied:N0} in {seconds:0.0} s; {stale:N0} stale; {options.BatchRows:N0}-row batches over {options.BatchDevices:N0} devices, {options.DevicesOrDefault:N0} devices, {measured.Failed} failed batches)");
        var checks = shape
            ? [TargetCatalogue.Readings.Check(line, perSecond >= TargetCatalogue.ReadingsPerSecond && measured.Failed == 0)]
            : Array.Empty<TargetCheck>();
        return Task.FromResult(new ScenarioFindings([line], checks)
        {
            Metrics = new Dictionary<string, double> { ["readings.perSecond"] = perSecond, ["readings.applied"] = applied, ["readings.stale"] = stale },
        });
    }
}
