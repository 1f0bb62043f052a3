using System.Diagnostics;
using System.Globalization;
using AfterSales.CaseList;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The case list in the embedded silo's SQLite file, beside the grain state and the journal.</summary>
/// <remarks>Its writes use a connection of their own with a busy timeout rather than the grain storage's writer: the
/// list is a read model, and queueing its batches behind the state writes (or the state writes behind its batches)
/// in one writer would couple their latencies. SQLite still admits one writer at a time, so the 16 partition
/// consumers share this one connection (a semaphore), and each batch is one short immediate transaction; a state
/// write waits at most for one such batch (measured in docs/CASE-LIST.md). Reads open pooled connections of their
/// own (WAL: readers never block the writer).</remarks>
internal sealed class SqliteCaseListStore(string databasePath, TimeSpan busyTimeout, string serviceId) : ICaseListStore, IDisposable
{
    private static readonly CaseListSql Sql = new(WordClause);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
    }.ToString();

    private static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT position FROM case_list_checkpoint WHERE service_id = @service AND partition = @partition");
        command.Parameters.AddWithValue("@partition", partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public async Task<IReadOnlyDictionary<string, CaseListRow>> ReadRowsAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, CaseListRow>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in numbers.Chunk(500))
        {
            var names = chunk.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@n{i}")).ToArray();
            await using var command = Command(connection,
                $"SELECT {CaseListColumns.Select} FROM case_list WHERE service_id = @service AND number IN ({string.Join(", ", names)})");
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = CaseListColumns.Read(reader);
                rows[row.Number] = row;
            }
        }
        return rows;
    }

    public async Task SaveAsync(int partition, IReadOnlyList<CaseListChange> changes, long? checkpoint, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async (connection, transaction) =>
        {
            foreach (var change in changes)
            {
                await using var upsert = Command(connection, CaseListSql.Upsert + " RETURNING id", transaction);
                upsert.Parameters.AddWithValue("@partition", partition);
                foreach (var (name, value) in CaseListColumns.Values(change.Row))
                {
                    upsert.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
                }
                // No id back: the stored row was as new already (a late duplicate), so the text stays too.
                if (await upsert.ExecuteScalarAsync(cancellationToken) is long id && change.TextChanged)
                {
                    await using var text = Command(connection,
                        "DELETE FROM case_list_text WHERE rowid = @id; INSERT INTO case_list_text (rowid, subject, description) VALUES (@id, @subject, @description)",
                        transaction);
                    text.Parameters.AddWithValue("@id", id);
                    text.Parameters.AddWithValue("@subject", change.Row.Subject);
                    text.Parameters.AddWithValue("@description", change.Row.Description);
                    await text.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            if (checkpoint is { } position)
            {
                await using var save = Command(connection,
                    "INSERT INTO case_list_checkpoint (service_id, partition, position) VALUES (@service, @partition, @position) " +
                    "ON CONFLICT (service_id, partition) DO UPDATE SET position = excluded.position", transaction);
                save.Parameters.AddWithValue("@partition", partition);
                save.Parameters.AddWithValue("@position", position);
                await save.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);
    }

    public Task ResetAsync(int partition, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await using var reset = Command(connection,
                "DELETE FROM case_list_text WHERE rowid IN (SELECT id FROM case_list WHERE service_id = @service AND partition = @partition); " +
                "DELETE FROM case_list WHERE service_id = @service AND partition = @partition; " +
                "DELETE FROM case_list_checkpoint WHERE service_id = @service AND partition = @partition;", transaction);
            reset.Parameters.AddWithValue("@partition", partition);
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<CaseListPage> QueryAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = Sql.Page(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        foreach (var (name, value) in parameters.Where(p => p.Name != "service"))
        {
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        }
        var rows = new List<CaseListRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(CaseListColumns.Read(reader));
        }
        return CaseListSql.ToPage(rows, query);
    }

    public async Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, CaseListSql.Progress);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return CaseListSql.ReadProgress(reader);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Three characters or more: the trigram index (a quoted FTS5 phrase matches it as a substring); fewer:
    /// <c>LIKE</c> over both columns (the index has no trigram to offer).</summary>
    private static string WordClause(string word, string name, List<(string Name, object? Value)> parameters)
    {
        if (word.EnumerateRunes().Count() >= 3)
        {
            parameters.Add((name, "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            return $"id IN (SELECT rowid FROM case_list_text WHERE case_list_text MATCH @{name})";
        }
        parameters.Add((name, CaseListSql.Contains(word)));
        return $"subject LIKE @{name} ESCAPE '\\' OR description LIKE @{name} ESCAPE '\\'";
    }

    private async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using (var connection = await OpenAsync(cancellationToken))
            {
                // A read model with its checkpoint in the same transaction: losing the last batches to a power cut only
                // replays them, so it need not wait for fsync on each commit as the grain state does.
                await using (var pragma = Command(connection, "PRAGMA synchronous = NORMAL"))
                {
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                }
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            // SQLite's busy handler is not fair: a waiting state write sleeps and retries, and list batches written back
            // to back (a catch-up, a rebuild) can take the lock again each time it sleeps. Leaving the file free for as
            // long as the batch held it keeps the list at most half of the write time.
            await Task.Delay(TimeSpan.FromTicks(Math.Min(Stopwatch.GetElapsedTime(started).Ticks, MaxPause.Ticks)), cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("@service", serviceId);
        return command;
    }
}
