using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>One Cluster-mode silo on its own PostgreSQL database.</summary>
public sealed class PostgresClusterFixture : StorageFixture
{
    private PostgresDatabase? _database;

    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("No PostgreSQL database.");

    protected override bool Available => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));

    public override Task<long> CountRowsAsync(string stateName, string grainKey) =>
        Database.ScalarAsync($"SELECT count(*) FROM grain_state WHERE service_id = '{ServiceId}' AND state_name = '{stateName}' AND grain_key = '{grainKey}'");

    protected override async Task<IHost> StartHostAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return await TestHosts.StartAsync(TestHosts.Cluster(_database.ConnectionString, ServiceId));
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
