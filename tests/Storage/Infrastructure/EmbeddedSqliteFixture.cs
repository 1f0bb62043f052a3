using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>One embedded silo on its own SQLite file.</summary>
public sealed class EmbeddedSqliteFixture : StorageFixture
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => Path.Combine(_directory.Path, "aftersales.db");

    public override async Task<long> CountRowsAsync(string stateName, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_key = $k";
        command.Parameters.AddWithValue("$s", ServiceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$k", grainKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override Task<IHost> StartHostAsync() => TestHosts.StartAsync(TestHosts.Embedded(_directory.Path, ServiceId));

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
