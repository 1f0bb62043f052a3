using AfterSales.CaseList;
using AfterSales.Silo.Storage.Postgres;
using Npgsql;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>The case list in the cluster's PostgreSQL database, beside the grain state and the journal. Each batch
/// of a partition is one transaction. Rows of different partitions never collide, but the KPI buckets their triggers
/// keep do (a day × department × region × priority row is shared by every partition), so the batches of one service
/// take turns (<see cref="TakeTurn"/>).</summary>
internal sealed class PostgresCaseListStore(string connectionString, string serviceId) : ICaseListStore, IDisposable
{
    private static readonly CaseListSql Sql = new(WordClause);

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(connectionString));

    public async Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT position FROM case_list_checkpoint WHERE service_id = @service AND partition = @partition");
        command.Parameters.AddWithValue("partition", partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public async Task<IReadOnlyDictionary<string, CaseListRow>> ReadRowsAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"SELECT {CaseListColumns.Select} FROM case_list WHERE service_id = @service AND number = ANY(@numbers)");
        command.Parameters.AddWithValue("numbers", numbers.ToArray());
        var rows = new Dictionary<string, CaseListRow>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = CaseListColumns.Read(reader);
            rows[row.Number] = row;
        }
        return rows;
    }

    public async Task SaveAsync(int partition, IReadOnlyList<CaseListChange> changes, long? checkpoint, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            batch.BatchCommands.Add(TakeTurn());
            foreach (var change in changes)
            {
                var upsert = new NpgsqlBatchCommand(CaseListSql.Upsert);
                upsert.Parameters.AddWithValue("service", serviceId);
                upsert.Parameters.AddWithValue("partition", partition);
                foreach (var (name, value) in CaseListColumns.Values(change.Row))
                {
                    upsert.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
                }
                batch.BatchCommands.Add(upsert);
            }
            if (checkpoint is { } position)
            {
                var save = new NpgsqlBatchCommand(
                    "INSERT INTO case_list_checkpoint (service_id, partition, position) VALUES (@service, @partition, @position) " +
                    "ON CONFLICT (service_id, partition) DO UPDATE SET position = excluded.position");
                save.Parameters.AddWithValue("service", serviceId);
                save.Parameters.AddWithValue("partition", partition);
                save.Parameters.AddWithValue("position", position);
                batch.BatchCommands.Add(save);
            }
            if (batch.BatchCommands.Count > 1)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Held to the end of the transaction: the service's case-list batches apply one at a time. Without it,
    /// two partitions' batches whose triggers add to the same KPI buckets in different orders deadlock (seen under a
    /// 3-silo mixed load: PostgreSQL aborted one of them, 40P01, about three times a second, and each victim re-read
    /// its events from its checkpoint); they wait on each other's bucket rows anyway, so taking turns costs little.</summary>
    private const string TurnSql = "SELECT pg_advisory_xact_lock(hashtextextended('aftersales.case_list:' || @service, 0))";

    private NpgsqlBatchCommand TakeTurn()
    {
        var turn = new NpgsqlBatchCommand(TurnSql);
        turn.Parameters.AddWithValue("service", serviceId);
        return turn;
    }

    public async Task ResetAsync(int partition, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var reset = new NpgsqlCommand(
            $"{TurnSql}; " +
            "DELETE FROM case_list WHERE service_id = @service AND partition = @partition; " +
            "DELETE FROM case_list_checkpoint WHERE service_id = @service AND partition = @partition;", connection, transaction);
        reset.Parameters.AddWithValue("service", serviceId);
        reset.Parameters.AddWithValue("partition", partition);
        await reset.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<CaseListPage> QueryAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = Sql.Page(query);
        await using var command = Command(sql);
        foreach (var (name, value) in parameters.Where(p => p.Name != "service"))
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
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
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        System.Data.Common.DbCommand Bind(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
        {
            var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("service", serviceId);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }
            return command;
        }
        // Midnight to midnight adds up the day buckets (008-case-kpi-days.sql); any other period sums the rows.
        return CaseKpiDaySql.Fits(query)
            ? await CaseKpiDaySql.SumAsync(query, Bind, cancellationToken)
            : await CaseKpiSql.SumAsync(query, Bind, cancellationToken);
    }

    public async Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command(CaseListSql.Progress);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return CaseListSql.ReadProgress(reader);
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary><c>ILIKE</c> over both columns, for any length: the trigram indexes serve words of 3 characters or more.</summary>
    private static string WordClause(string word, string name, List<(string Name, object? Value)> parameters)
    {
        parameters.Add((name, CaseListSql.Contains(word)));
        return $"subject ILIKE @{name} OR description ILIKE @{name}";
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service", serviceId);
        return command;
    }
}
