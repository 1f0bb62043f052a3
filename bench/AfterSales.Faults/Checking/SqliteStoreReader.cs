using Microsoft.Data.Sqlite;

namespace AfterSales.Faults.Checking;

/// <summary>Reads the checker's snapshot from the embedded mode's SQLite file, read-only (the file is in WAL mode, so
/// this works beside a running API too).</summary>
public sealed class SqliteStoreReader(string databasePath) : IStoreReader
{
    public async Task<StoreSnapshot> ReadAsync(string serviceId, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return await StoreQueries.ReadAsync(connection, serviceId, field => $"json_extract(data, '$.facts.{field}')", cancellationToken);
    }
}
