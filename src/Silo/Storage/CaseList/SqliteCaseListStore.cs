using System.Globalization;
using AfterSales.CaseList;
using AfterSales.Domain.CaseList;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The case list of the embedded silo in a SQLite file of its own (<c>caselist.db</c>), beside the grain-state
/// file that holds the journal it is projected from.</summary>
/// <remarks>Its writes run on that file's single writer (<see cref="ISqliteCommandQueue"/>, a
/// <see cref="SqliteCommandWriter"/>): a file of its own keeps the list's upserts and text indexing off the grain
/// state's writer, whose queue every acknowledged write waits in (in the same file they took about a third of that
/// writer's time at the intake rate). A save is split into slices of <see cref="SliceRows"/> rows, so a large catch-up
/// never holds the writer for long; only the last slice carries the checkpoint (rows are idempotent by sequence, so a
/// slice that committed before a failure is simply applied again). Reads open pooled connections of their own (WAL:
/// readers never block the writer).</remarks>
/// <param name="databasePath">The case-list file.</param>
/// <param name="journalPath">The grain-state file, whose <c>event_journal</c> gives the head of the progress.</param>
internal sealed class SqliteCaseListStore(string databasePath, string journalPath, ISqliteCommandQueue writer, string serviceId) : ICaseListStore, IDisposable
{
    /// <summary>Rows per writer command: with their text index entries, a few milliseconds of the writer.</summary>
    internal const int SliceRows = 64;

    private static readonly CaseListSql Sql = new(WordClause);

    /// <summary>Touched only on the writer's thread.</summary>
    private SqliteCaseListCommands? _commands;

    private readonly string _connectionString = ReadConnectionString(databasePath);

    private readonly string _journalConnectionString = ReadConnectionString(journalPath);

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
        var slices = changes.Chunk(SliceRows).ToList();
        if (slices.Count == 0)
        {
            slices.Add([]);
        }
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            var last = i == slices.Count - 1;
            await writer.ExecuteAsync((connection, transaction) =>
            {
                Save(connection, transaction, partition, slice);
                if (last && checkpoint is { } position)
                {
                    Commands(connection).SaveCheckpoint(transaction, partition, position);
                }
            }, cancellationToken);
        }
    }

    public Task ResetAsync(int partition, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync((connection, transaction) =>
        {
            using var reset = Command(connection,
                "DELETE FROM case_list_text WHERE rowid IN (SELECT id FROM case_list WHERE service_id = @service AND partition = @partition); " +
                "DELETE FROM case_list WHERE service_id = @service AND partition = @partition; " +
                "DELETE FROM case_list_checkpoint WHERE service_id = @service AND partition = @partition;", transaction);
            reset.Parameters.AddWithValue("@partition", partition);
            reset.ExecuteNonQuery();
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

    public async Task<Kpis.KpiSums> SumKpisAsync(Kpis.KpiQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        System.Data.Common.DbCommand Bind(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
        {
            var command = Command(connection, sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
            }
            return command;
        }
        // Midnight to midnight (the usual report) adds up the day buckets; any other period sums the rows.
        return CaseKpiDaySql.Fits(query)
            ? await CaseKpiDaySql.SumAsync(query, Bind, cancellationToken)
            : await CaseKpiSql.SumAsync(query, Bind, cancellationToken);
    }

    /// <summary>The checkpoints first, then the journal's head (two files): the head read second is at least every
    /// position applied, so the lag is never negative.</summary>
    public async Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default)
    {
        long partitions, lowest;
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var command = Command(connection, "SELECT count(*), coalesce(min(position), 0) FROM case_list_checkpoint WHERE service_id = @service"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (partitions, lowest) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        await using var journal = new SqliteConnection(_journalConnectionString);
        await journal.OpenAsync(cancellationToken);
        await using var head = Command(journal, "SELECT coalesce(max(position), 0) FROM event_journal WHERE service_id = @service");
        var position = (long)(await head.ExecuteScalarAsync(cancellationToken) ?? 0L);
        return new ProjectionProgress(partitions < FeedPartitions.Count ? 0 : lowest, position);
    }

    /// <summary>Releases the prepared statements (at shutdown, after the writer stopped).</summary>
    public void Dispose() => _commands?.Dispose();

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

    /// <summary>Upserts <paramref name="changes"/> on the writer's thread (synchronous: it owns that thread).</summary>
    private void Save(SqliteConnection connection, SqliteTransaction transaction, int partition, IReadOnlyList<CaseListChange> changes)
    {
        var commands = Commands(connection);
        foreach (var change in changes)
        {
            // No id back: the stored row was as new already (a late duplicate), so the text stays too.
            if (commands.Upsert(transaction, partition, change.Row) is { } id && change.TextChanged)
            {
                commands.ReplaceText(transaction, id, change.Row.Subject, change.Row.Description);
            }
        }
    }

    /// <summary>The prepared write statements of the writer's connection (made again if the writer reopened it).</summary>
    private SqliteCaseListCommands Commands(SqliteConnection connection)
    {
        if (_commands is { } commands && ReferenceEquals(commands.Connection, connection))
        {
            return commands;
        }
        _commands?.Dispose();
        return _commands = new SqliteCaseListCommands(connection, serviceId);
    }

    private static string ReadConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
    }.ToString();

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
