using AfterSales.Silo.Schema;
using AfterSales.Tests.Storage.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Tests.Storage;

/// <summary>The schema migrator applies each script once, however often and however concurrently it runs.</summary>
public sealed class MigratorTests
{
    [Fact]
    public async Task SqliteMigratorAppliesEveryScriptOnceAndNothingTheSecondTime()
    {
        using var directory = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(directory.Path, "aftersales.db")};Pooling=False";
        var migrator = new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance);
        var scripts = SqlScripts.For(SqlDialect.Sqlite).Count;

        Assert.Equal(scripts, await migrator.MigrateAsync(connectionString, CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(connectionString, CancellationToken.None));

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(scripts, await ScalarAsync(connection, "SELECT count(*) FROM schema_version"));
        // Grain storage is the project's own: no query of the ADO.NET storage provider is left.
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM OrleansQuery WHERE QueryKey LIKE '%Storage%'"));
        Assert.Equal(3, await ScalarAsync(connection,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('grain_state', 'grain_row', 'event_journal')"));
        Assert.Equal("wal", await ScalarTextAsync(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task SqliteMigratorsRacingOnOneFileApplyEachScriptOnce()
    {
        using var directory = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(directory.Path, "aftersales.db")};Pooling=False;Default Timeout=30";
        var migrator = new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance);

        var applied = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => migrator.MigrateAsync(connectionString, CancellationToken.None))));

        Assert.Equal(SqlScripts.For(SqlDialect.Sqlite).Count, applied.Sum());
    }

    [PostgresFact]
    public async Task PostgresMigratorAppliesEveryScriptOnceAndNothingTheSecondTime()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var migrator = new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance);
        var scripts = SqlScripts.For(SqlDialect.PostgreSql).Count;

        Assert.Equal(scripts, await migrator.MigrateAsync(database.ConnectionString, CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(database.ConnectionString, CancellationToken.None));

        Assert.Equal(scripts, await database.ScalarAsync("SELECT count(*) FROM schema_version"));
        // Every query key the 10.x clustering and reminder providers ask for; grain storage is the project's own.
        Assert.Equal(16, await database.ScalarAsync("SELECT count(*) FROM OrleansQuery"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM OrleansQuery WHERE QueryKey LIKE '%Storage%'"));
        Assert.Equal(3, await database.ScalarAsync(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('grain_state', 'grain_row', 'event_journal')"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'"));
    }

    [PostgresFact]
    public async Task PostgresMigratorsStartingTogetherApplyEachScriptOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var migrator = new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance);

        var applied = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => migrator.MigrateAsync(database.ConnectionString, CancellationToken.None))));

        Assert.Equal(SqlScripts.For(SqlDialect.PostgreSql).Count, applied.Sum());
        Assert.Equal(SqlScripts.For(SqlDialect.PostgreSql).Count, await database.ScalarAsync("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void ScriptsAreOrderedByTheirNumberAndNamedNnnDescription()
    {
        foreach (var dialect in new[] { SqlDialect.PostgreSql, SqlDialect.Sqlite })
        {
            var names = SqlScripts.For(dialect).Select(s => s.Name).ToArray();
            Assert.All(names, name => Assert.Matches("^[0-9]{3}-[a-z0-9-]+\\.sql$", name));
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.Equal("001-query-catalog.sql", names[0]);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> ScalarTextAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
