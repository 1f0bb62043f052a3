using System.Diagnostics;
using System.Globalization;
using AfterSales.Bench.Stats;
using Npgsql;

namespace AfterSales.Bench.Drivers.Postgres;

/// <summary>
/// The raw write ceiling of the cluster's database: single-row <c>INSERT … ON CONFLICT (id) DO UPDATE</c> by
/// <see cref="Writers"/> writers on a scratch table the bench creates and drops, in two halves right before and right
/// after the measured scenario (as the <c>GET /ping</c> ceiling), so it brackets the scenario in time on a shared box.
/// Its table is left out of the run's write counts.
/// </summary>
internal sealed class UpsertCeiling : IAsyncDisposable
{
    public const int Writers = 64;
    public const int PayloadBytes = 512;

    // Enough keys that most upserts after the first seconds update a row, as a grain's writes mostly do.
    private const int KeySpace = 100_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly TimeSpan _half;
    private readonly List<string> _halves = [];
    private long _upserts;
    private long _errors;
    private string? _firstError;
    private TimeSpan _elapsed;
    private bool _created;

    private UpsertCeiling(string connectionString, string table, TimeSpan half)
    {
        // One connection per writer, never shared: the pool must hold them all beside the statistics reads.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = Writers + 4,
            Multiplexing = false,
        }.ConnectionString;
        Table = table;
        _half = half;
    }

    /// <summary>The scratch table, e.g. <c>bench_upsert_k3x9q2</c>.</summary>
    public string Table { get; }

    /// <summary>Creates the scratch table <c>bench_upsert_{runTag}</c>.</summary>
    public static async Task<UpsertCeiling> CreateAsync(string connectionString, string runTag, TimeSpan half, CancellationToken cancellationToken)
    {
        var ceiling = new UpsertCeiling(connectionString, $"bench_upsert_{runTag}", half);
        await ceiling.ExecuteAsync($"CREATE TABLE {ceiling.Table} (id bigint PRIMARY KEY, payload bytea NOT NULL)", cancellationToken);
        ceiling._created = true;
        return ceiling;
    }

    public UpsertRate Result => new(_upserts, _elapsed, Writers, PayloadBytes, string.Join(", ", _halves), _errors, _firstError);

    public async Task MeasureHalfAsync(string label, CancellationToken cancellationToken)
    {
        if (_halves.Count == 0)
        {
            await RunAsync(WarmUp, cancellationToken);
        }
        var (upserts, elapsed) = await RunAsync(_half, cancellationToken);
        _upserts += upserts;
        _elapsed += elapsed;
        _halves.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {upserts / Math.Max(elapsed.TotalSeconds, 1e-9):N0}/s"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_created)
        {
            _created = false;
            await ExecuteAsync($"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private async Task<(long Upserts, TimeSpan Elapsed)> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var connections = new NpgsqlConnection[Writers];
        try
        {
            // Connected before the clock starts, so the rate is the upserts', not the handshakes'.
            for (var i = 0; i < Writers; i++)
            {
                connections[i] = new NpgsqlConnection(_connectionString);
                await connections[i].OpenAsync(cancellationToken);
            }
            var clock = Stopwatch.StartNew();
            var counts = await Task.WhenAll(connections.Select((c, i) => WriteUntilAsync(c, i, clock, duration, cancellationToken)));
            return (counts.Sum(), clock.Elapsed);
        }
        finally
        {
            foreach (var connection in connections)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private async Task<long> WriteUntilAsync(NpgsqlConnection connection, int writer, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(writer);
        var payload = new byte[PayloadBytes];
        random.NextBytes(payload);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {Table} (id, payload) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload", connection);
        var id = new NpgsqlParameter<long>();
        command.Parameters.Add(id);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        await command.PrepareAsync(cancellationToken);
        long done = 0;
        while (clock.Elapsed < duration)
        {
            id.TypedValue = random.Next(KeySpace);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                done++;
            }
            catch (NpgsqlException ex)
            {
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, ex.Message, null);
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    break;
                }
            }
        }
        return done;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
