using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>The embedded silo's SQLite storage on a migrated temp file; a new instance opens the same file.</summary>
public sealed class SqliteProviderFixture : ProviderFixture
{
    private readonly TempDirectory _directory = new();

    public string DatabasePath => Path.Combine(_directory.Path, "aftersales.db");

    public override Task<OpenProvider> OpenAsync()
    {
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DatabasePath = DatabasePath, GrainStorageSerializer = StateSerializer },
            Options.Create(new ClusterOptions { ServiceId = ServiceId }), NullLogger<SqliteGrainStorage>.Instance);
        storage.Start();
        return Task.FromResult(new OpenProvider(storage, storage, storage.DisposeAsync));
    }

    public override Task<long> CountRowsAsync(string stateName, string grainKey) =>
        ScalarAsync("SELECT count(*) FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_key = $k", stateName, grainKey);

    public override Task<long> CountItemRowsAsync(string stateName, string grainKey) =>
        ScalarAsync("SELECT count(*) FROM grain_row WHERE service_id = $s AND state_name = $n AND grain_key = $k", stateName, grainKey);

    protected override Task PrepareAsync() =>
        new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance).MigrateAsync($"Data Source={DatabasePath};Pooling=False", CancellationToken.None);

    protected override Task CleanUpAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<long> ScalarAsync(string sql, string stateName, string grainKey)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", ServiceId);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$k", grainKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
