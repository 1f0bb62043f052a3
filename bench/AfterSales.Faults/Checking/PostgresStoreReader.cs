using Npgsql;

namespace AfterSales.Faults.Checking;

/// <summary>Reads the checker's snapshot from the cluster's PostgreSQL database.</summary>
public sealed class PostgresStoreReader(string connectionString) : IStoreReader
{
    public async Task<StoreSnapshot> ReadAsync(string serviceId, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return await StoreQueries.ReadAsync(connection, serviceId, field => $"data->'facts'->>'{field}'", cancellationToken);
    }
}
