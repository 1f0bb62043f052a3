using System.Diagnostics;
using AfterSales.Bench.Stats;
using Npgsql;

namespace AfterSales.Bench.Drivers.Postgres;

/// <summary>Reads the row writes PostgreSQL has counted per table of the cluster's database
/// (<c>pg_stat_user_tables</c>), and waits for those counts to catch up with the writes made
/// (<see cref="CounterSettling"/>).</summary>
internal sealed class TableStatistics(string connectionString)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task<TableWriteTally> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Schema-qualified only outside public, so the usual tables keep their plain names in reports.
        await using var command = new NpgsqlCommand("""
            SELECT CASE WHEN schemaname = 'public' THEN relname ELSE schemaname || '.' || relname END,
                   n_tup_ins, n_tup_upd, n_tup_del
            FROM pg_stat_user_tables
            """, connection);
        var tables = new Dictionary<string, TableCounts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables[reader.GetString(0)] = new TableCounts(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
        return new TableWriteTally(tables);
    }

    /// <summary>Silos Active (status 3) in the Orleans membership table of the database; null when it has none.</summary>
    public async Task<int?> ActiveSilosAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM membership WHERE status = 3", connection);
        try
        {
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>Polls until the counts (without <paramref name="excludedTable"/>, and but for the tables written on a
    /// timer) stood still long enough that every backend has flushed, or the bound passed; returns the last reading and how the wait went.</summary>
    public async Task<(TableWriteTally Tally, CounterSettling Settling)> SettleAsync(string excludedTable, CancellationToken cancellationToken)
    {
        var settling = new CounterSettling();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var tally = (await ReadAsync(cancellationToken)).Without(excludedTable);
            if (settling.Observe(clock.Elapsed, tally))
            {
                return (tally, settling);
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
