using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>The cluster silo's PostgreSQL storage on a migrated throw-away database; a new instance opens its own
/// connections to the same database.</summary>
public sealed class PostgresProviderFixture : ProviderFixture
{
    private PostgresDatabase? _database;

    public override bool Available => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));

    private PostgresDatabase Database => _database ?? throw new InvalidOperationException("No PostgreSQL database.");

    public override Task<OpenProvider> OpenAsync()
    {
        var storage = new PostgresGrainStorage("test", new PostgresGrainStorageOptions { ConnectionString = Database.ConnectionString, GrainStorageSerializer = StateSerializer },
            Options.Create(new ClusterOptions { ServiceId = ServiceId }), NullLogger<PostgresGrainStorage>.Instance);
        return Task.FromResult(new OpenProvider(storage, storage, storage.DisposeAsync));
    }

    public override Task<long> CountRowsAsync(string stateName, string grainKey) =>
        Database.ScalarAsync($"SELECT count(*) FROM grain_state WHERE service_id = '{ServiceId}' AND state_name = '{stateName}' AND grain_key = '{grainKey}'");

    public override Task<long> CountItemRowsAsync(string stateName, string grainKey) =>
        Database.ScalarAsync($"SELECT count(*) FROM grain_row WHERE service_id = '{ServiceId}' AND state_name = '{stateName}' AND grain_key = '{grainKey}'");

    protected override async Task PrepareAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await new PostgresSchemaMigrator(NullLogger<PostgresSchemaMigrator>.Instance).MigrateAsync(_database.ConnectionString, CancellationToken.None);
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
