using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>Opens connections to the grain-state file with the settings every connection needs: WAL is a property
/// of the file (set by the schema migrator); <c>synchronous</c> and the busy timeout are per connection.</summary>
internal static class SqliteConnectionFactory
{
    public static string ConnectionString(string databasePath, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWrite,
        // The storage keeps its own long-lived connections; the library's pool would only add a second layer.
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
    }.ToString();

    public static SqliteConnection Open(string connectionString, SqliteSynchronousMode synchronous, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = {(synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
