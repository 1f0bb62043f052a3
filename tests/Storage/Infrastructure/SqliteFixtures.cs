using AfterSales.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage.Infrastructure;

public abstract class EmbeddedSqliteFixtureBase(EmbeddedStorageKind kind, string table, string keyColumn) : StorageFixture
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => Path.Combine(_directory.Path, "aftersales.db");

    public override async Task<long> CountRowsAsync(string stateName, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table} WHERE service_id = $s AND state_name = $n AND {keyColumn} = $k";
        command.Parameters.AddWithValue("$s", ServiceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$k", grainKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override Task<IHost> StartHostAsync() => TestHosts.StartAsync(TestHosts.Embedded(_directory.Path, ServiceId, kind));

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class EmbeddedSqliteFixture() : EmbeddedSqliteFixtureBase(EmbeddedStorageKind.Sqlite, "grain_state", "grain_key");

public sealed class EmbeddedAdoNetSqliteFixture() : EmbeddedSqliteFixtureBase(EmbeddedStorageKind.AdoNetSqlite, "adonet_grain_state", "grain_id_text");
