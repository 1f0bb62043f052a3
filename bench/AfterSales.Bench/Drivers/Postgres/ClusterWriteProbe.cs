using System.Globalization;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench.Drivers.Postgres;

/// <summary>
/// The database side of a run against a cluster (<c>--postgres</c>): the upsert ceiling's first half, then the table
/// statistics once they have settled, before the measured phase; after it the ceiling's second half, then the
/// statistics once settled again. The difference is the measured phase's row writes by table, the scratch table left
/// out; writes that land while the statistics settle (a projection catching up) belong to the phase that caused them.
/// </summary>
internal sealed class ClusterWriteProbe : IAsyncDisposable
{
    private readonly TableStatistics _statistics;
    private readonly UpsertCeiling? _ceiling;
    private readonly string _excluded;
    private readonly List<string> _settling = [];
    private TableWriteTally? _before;
    private TableWriteTally? _writes;
    private int? _activeSilos;

    private ClusterWriteProbe(TableStatistics statistics, UpsertCeiling? ceiling, string excluded)
    {
        _statistics = statistics;
        _ceiling = ceiling;
        _excluded = excluded;
    }

    /// <summary>Reaches the database and creates the ceiling's scratch table (none when <paramref name="ceilingHalf"/>
    /// is zero: <c>--no-ceiling</c>).</summary>
    public static async Task<ClusterWriteProbe> StartAsync(string connectionString, string runTag, TimeSpan ceilingHalf, CancellationToken cancellationToken)
    {
        var statistics = new TableStatistics(connectionString);
        try
        {
            await statistics.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new BenchException($"--postgres: cannot read the table statistics ({ex.Message}).", ex);
        }
        var ceiling = ceilingHalf > TimeSpan.Zero
            ? await UpsertCeiling.CreateAsync(connectionString, runTag, ceilingHalf, cancellationToken)
            : null;
        return new ClusterWriteProbe(statistics, ceiling, ceiling?.Table ?? "");
    }

    /// <summary>How one ceiling half is driven, for progress lines.</summary>
    public string CeilingPlan => _ceiling is null ? "none" : $"{UpsertCeiling.Writers} writers, {UpsertCeiling.PayloadBytes}-byte rows";

    public async Task BeforeMeasuringAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (_ceiling is not null)
        {
            progress($"measuring the upsert ceiling, first half ({CeilingPlan})…");
            await _ceiling.MeasureHalfAsync("before", cancellationToken);
        }
        progress("waiting for PostgreSQL's table statistics to settle…");
        _before = await SettleAsync("before", cancellationToken);
        _activeSilos = await _statistics.ActiveSilosAsync(cancellationToken);
    }

    public async Task AfterMeasuringAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (_ceiling is not null)
        {
            progress("measuring the upsert ceiling, second half…");
            await _ceiling.MeasureHalfAsync("after", cancellationToken);
        }
        progress("waiting for PostgreSQL's table statistics to settle…");
        var after = await SettleAsync("after", cancellationToken);
        _writes = after.Minus(_before ?? throw new InvalidOperationException("The statistics were not read before measuring."));
    }

    /// <summary>The measured phase's row writes, the ceiling and how the statistics settled; null before
    /// <see cref="AfterMeasuringAsync"/>.</summary>
    public ClusterWrites? Result => _writes is null
        ? null
        : new ClusterWrites(_writes, _ceiling?.Result, string.Join("; ", _settling), _activeSilos);

    public async ValueTask DisposeAsync()
    {
        if (_ceiling is not null)
        {
            await _ceiling.DisposeAsync();
        }
    }

    private async Task<TableWriteTally> SettleAsync(string label, CancellationToken cancellationToken)
    {
        var (tally, settling) = await _statistics.SettleAsync(_excluded, cancellationToken);
        _settling.Add(settling.Settled
            ? string.Create(CultureInfo.InvariantCulture, $"{label}: still for {settling.Quiet.TotalSeconds:0} s after {settling.Waited.TotalSeconds:0.0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{label}: still moving after {settling.Bound.TotalSeconds:0} s (counts may be off)"));
        return tally;
    }
}
