using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>Hands Orleans' ADO.NET providers SQLite connections that apply the per-connection settings the
/// providers cannot: <c>synchronous</c> and the busy timeout (WAL is a property of the file, set by the migrator).
/// Microsoft.Data.Sqlite's own pool keeps the connections open between commands.</summary>
internal sealed class TunedSqliteDataSource(string connectionString, SqliteSynchronousMode synchronous, TimeSpan busyTimeout) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(connectionString, synchronous, busyTimeout);

    private sealed class TunedSqliteConnection(string connectionString, SqliteSynchronousMode synchronous, TimeSpan busyTimeout)
        : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var pragma = CreateCommand();
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = {(synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");
            pragma.ExecuteNonQuery();
        }

        // Microsoft.Data.Sqlite opens synchronously anyway; routing the async path through Open applies the settings.
        public override Task OpenAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Open();
            return Task.CompletedTask;
        }
    }
}
