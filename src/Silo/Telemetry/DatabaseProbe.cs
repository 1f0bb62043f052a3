using AfterSales.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AfterSales.Silo.Telemetry;

/// <summary>Asks this deployment's database one trivial question, for readiness: the SQLite file of the embedded mode
/// (read-only, so a probe never takes the writer's lock) or the cluster's PostgreSQL. The PostgreSQL probe has a pool of
/// its own of at most two connections, so probes neither wait behind a busy storage pool nor take from it.</summary>
public sealed class DatabaseProbe : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private DatabaseProbe(string name, NpgsqlDataSource? postgres, string? sqlite)
    {
        Name = name;
        _postgres = postgres;
        _sqlite = sqlite;
    }

    /// <summary><c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public string Name { get; }

    /// <summary>The probe of the database <paramref name="configuration"/> points this process at.</summary>
    /// <param name="configuration">The process's configuration.</param>
    /// <param name="timeout">The longest a probe may take (connecting included).</param>
    public static DatabaseProbe Create(IConfiguration configuration, TimeSpan timeout)
    {
        var hosting = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        if (hosting.Mode == HostingMode.Embedded)
        {
            var file = Path.Combine(Path.GetFullPath(hosting.DataDirectory), EmbeddedSilo.DatabaseFileName);
            var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = seconds }.ToString();
            return new DatabaseProbe("SQLite", null, sqlite);
        }
        var postgres = new NpgsqlConnectionStringBuilder(OrleansHostingExtensions.PostgresConnectionString(configuration, hosting))
        {
            MaxPoolSize = 2,
            Timeout = seconds,
            CommandTimeout = seconds,
        };
        return new DatabaseProbe("PostgreSQL", NpgsqlDataSource.Create(postgres), null);
    }

    /// <summary>Completes when the database answered <c>SELECT 1</c>; throws what the driver threw otherwise.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            await using var command = _postgres.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return;
        }
        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        // Reads the schema page: proves the file is there and readable, not merely that a handle opened.
        query.CommandText = "SELECT count(*) FROM sqlite_schema";
        await query.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
