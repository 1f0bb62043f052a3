using System.Data.Common;
using Npgsql;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>The storage's connection pool when the connection string does not size it. Npgsql's own default (100)
/// lets two busy silos alone exhaust a stock PostgreSQL (<c>max_connections</c> = 100), and each silo holds a second
/// pool for membership and reminders; a writer per connection beyond a few dozen adds no throughput (the server is
/// CPU-bound first, see deploy/STORAGE.md).</summary>
internal static class PostgresPoolSize
{
    public const int Default = 20;

    /// <summary>The connection string with <c>Maximum Pool Size</c> set to <see cref="Default"/> unless it sets one.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(IsMaxPoolSize))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Default }.ConnectionString;
    }

    private static bool IsMaxPoolSize(string keyword) =>
        keyword.Replace(" ", "", StringComparison.Ordinal) is var compact
        && (compact.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || compact.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
}
