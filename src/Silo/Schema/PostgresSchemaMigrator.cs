using Microsoft.Extensions.Logging;
using Npgsql;

namespace AfterSales.Silo.Schema;

/// <summary>Brings a PostgreSQL database to the current schema: each embedded script once, in its own transaction,
/// recorded in <c>schema_version</c>. A session advisory lock serialises silos that start at the same moment, so the
/// second one waits and then finds every script applied.</summary>
internal sealed class PostgresSchemaMigrator(ILogger<PostgresSchemaMigrator> logger)
{
    // Any fixed 64-bit number; it names "the AfterSales schema" among the advisory locks of the database.
    private const long AdvisoryLockKey = 0x4166_7465_7253_6C73;

    /// <summary>Applies the missing scripts and returns how many it applied.</summary>
    public async Task<int> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var scripts = SqlScripts.For(SqlDialect.PostgreSql);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version
                (
                    script     text        NOT NULL PRIMARY KEY,
                    applied_on timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var script in scripts)
            {
                if (applied.Contains(script.Name))
                {
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_version (script) VALUES (@script)", connection, transaction))
                {
                    record.Parameters.AddWithValue("script", script.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                count++;
                SchemaLog.ScriptApplied(logger, script.Name, SqlDialect.PostgreSql);
            }
            SchemaLog.SchemaCurrent(logger, SqlDialect.PostgreSql, count, scripts.Count);
            return count;
        }
        finally
        {
            // Closing the session would release the lock too; unlocking keeps a pooled connection clean.
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task<HashSet<string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT script FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
