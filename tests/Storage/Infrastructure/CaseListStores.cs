using AfterSales.CaseList;
using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage;
using AfterSales.Silo.Storage.CaseList;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>Opens case-list stores on one migrated database; each test uses a service id of its own, which keeps
/// its rows, checkpoints and journal apart.</summary>
public interface ICaseListStores
{
    ICaseListStore Open(string serviceId);

    /// <summary>Applies the schema scripts again (they are recorded, so nothing runs twice), then the case-list
    /// script itself once more (its statements are safe to repeat).</summary>
    Task MigrateAgainAsync();
}

/// <summary>The embedded silo's two SQLite files, migrated once: the grain-state file (its journal gives the progress's
/// head) and the case list's own file, with the writer the list writes through.</summary>
public sealed class SqliteCaseListStores : ICaseListStores, IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteStateWriter? _writer;

    public string DatabasePath => Path.Combine(_directory.Path, "aftersales.db");

    public string CaseListPath => Path.Combine(_directory.Path, "caselist.db");

    public ICaseListStore Open(string serviceId) => new SqliteCaseListStore(CaseListPath, DatabasePath, new WriterQueue(_writer!), serviceId);

    public async Task MigrateAgainAsync()
    {
        await MigrateAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={CaseListPath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqlScripts.For(SqlDialect.SqliteCaseList).Single(s => s.Name.StartsWith("001-", StringComparison.Ordinal)).Text;
        await command.ExecuteNonQueryAsync();
    }

    public async Task InitializeAsync()
    {
        await MigrateAsync();
        var timeout = TimeSpan.FromSeconds(30);
        _writer = new SqliteStateWriter(SqliteConnectionFactory.ConnectionString(CaseListPath, timeout),
            new SqliteGrainStorageOptions { DatabasePath = CaseListPath, BusyTimeout = timeout, Synchronous = SqliteSynchronousMode.Normal }, NullLogger.Instance);
        _writer.Start("case-list-tests");
    }

    public async Task DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        _directory.Dispose();
    }

    private async Task MigrateAsync()
    {
        var migrator = new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance);
        await migrator.MigrateAsync($"Data Source={DatabasePath};Pooling=False", CancellationToken.None);
        await migrator.MigrateAsync($"Data Source={CaseListPath};Pooling=False", CancellationToken.None, SqlDialect.SqliteCaseList);
    }

    private sealed class WriterQueue(SqliteStateWriter writer) : ISqliteCommandQueue
    {
        public Task ExecuteAsync(Action<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction> work, CancellationToken cancellationToken = default) =>
            writer.ExecuteAsync(new PendingCommand(work), cancellationToken);
    }
}

/// <summary>A throw-away PostgreSQL database, migrated once (nothing when no server is configured).</summary>
public sealed class PostgresCaseListStores : ICaseListStores, IAsyncLifetime
{
    private PostgresDatabase? _database;

    public ICaseListStore Open(string serviceId) => new PostgresCaseListStore(_database!.ConnectionString, serviceId);

    public async Task MigrateAgainAsync()
    {
        await MigrateAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        foreach (var script in SqlScripts.For(SqlDialect.PostgreSql).Where(s => s.Name.StartsWith("006-", StringComparison.Ordinal) || s.Name == "007-case-kpis.sql"))
        {
            await using var command = new Npgsql.NpgsqlCommand(script.Text, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)))
        {
            return;
        }
        _database = await PostgresDatabase.CreateAsync();
        await MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task MigrateAsync() =>
        await new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance).MigrateAsync(_database!.ConnectionString, CancellationToken.None);
}
