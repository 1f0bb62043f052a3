using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Schema;

/// <summary>Brings a SQLite database file to the current schema: switches it to WAL (a persistent setting of the
/// file), then applies each embedded script once, each in its own <c>BEGIN IMMEDIATE</c> transaction recorded in
/// <c>schema_version</c>. The immediate transaction takes the file's write lock before looking at
/// <c>schema_version</c>, so two processes opening the same file apply each script once.</summary>
internal sealed class SqliteSchemaMigrator(ILogger<SqliteSchemaMigrator> logger)
{
    /// <summary>Applies the missing scripts of <paramref name="dialect"/> (the grain-state file's, or the case-list
    /// file's) and returns how many it applied.</summary>
    public async Task<int> MigrateAsync(string connectionString, CancellationToken cancellationToken, SqlDialect dialect = SqlDialect.Sqlite)
    {
        var scripts = SqlScripts.For(dialect);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version
            (
                script     TEXT NOT NULL PRIMARY KEY,
                applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            ) WITHOUT ROWID;
            """, cancellationToken);
        var count = 0;
        foreach (var script in scripts)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (await IsAppliedAsync(connection, transaction, script.Name, cancellationToken))
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (script) VALUES ($script);";
                record.Parameters.AddWithValue("$script", script.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            count++;
            SchemaLog.ScriptApplied(logger, script.Name, dialect);
        }
        SchemaLog.SchemaCurrent(logger, dialect, count, scripts.Count);
        return count;
    }

    private static async Task<bool> IsAppliedAsync(SqliteConnection connection, SqliteTransaction transaction, string script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM schema_version WHERE script = $script;";
        command.Parameters.AddWithValue("$script", script);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
