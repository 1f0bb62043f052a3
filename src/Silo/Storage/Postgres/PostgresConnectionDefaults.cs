using System.Data.Common;
using Npgsql;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>What the project's own PostgreSQL stores (grain storage, case list) set on a connection string that leaves
/// it out.</summary>
/// <remarks>
/// <para><b>Pool size.</b> Npgsql's own default (100) lets two busy silos alone exhaust a stock PostgreSQL
/// (<c>max_connections</c> = 100), and each silo holds a second pool for membership and reminders; a writer per
/// connection beyond a few dozen adds no throughput (the server is CPU-bound first, see deploy/STORAGE.md).</para>
/// <para><b>Automatic preparation.</b> A grain write is one statement of several common table expressions; unprepared,
/// PostgreSQL parses and plans it again for every write, which cost more of its CPU than executing it. The stores
/// issue a few dozen distinct statement texts, so Npgsql prepares each on a connection after its second use and keeps
/// up to <see cref="DefaultMaxAutoPrepare"/> per connection.</para>
/// </remarks>
internal static class PostgresConnectionDefaults
{
    public const int DefaultPoolSize = 20;

    public const int DefaultMaxAutoPrepare = 64;

    private const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>The connection string with <c>Maximum Pool Size</c> <see cref="DefaultPoolSize"/> and <c>Max Auto
    /// Prepare</c> <see cref="DefaultMaxAutoPrepare"/>, each unless it sets its own.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(Compact).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultPoolSize;
        }
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            if (!given.Contains("AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
            }
        }
        return builder.ConnectionString;
    }

    private static string Compact(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal);
}
