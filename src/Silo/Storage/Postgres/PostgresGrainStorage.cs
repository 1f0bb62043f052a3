using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Grain storage and event log on PostgreSQL for cluster-mode silos: optimistic concurrency on an integer
/// version exposed as the ETag, state serialized by the silo's <see cref="IGrainStorageSerializer"/>, and an
/// <see cref="IRowBackedState"/>'s changed rows and new events written by the same statement as its record
/// (<see cref="PostgresWriteCommand"/>), so a write costs one round trip and one transaction whatever it carries.</summary>
public sealed partial class PostgresGrainStorage : RowBackedGrainStorage, IEventLog, IAsyncDisposable
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresWriteBatcher _writes;

    public PostgresGrainStorage(string name, PostgresGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<PostgresGrainStorage> logger)
        : base(name, clusterOptions.Value.ServiceId, options.GrainStorageSerializer, logger)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(options.ConnectionString));
        _writes = new PostgresWriteBatcher(_dataSource, options.MaxConcurrentWriteBatches, options.MaxWritesPerBatch);
    }

    /// <summary>The write batches sent so far and the write statements they carried.</summary>
    internal (long Batches, long Statements) WriteBatches => (_writes.Batches, _writes.Statements);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private protected override async Task<StoredState?> ReadAsync(GrainStateKey key, bool withRows)
    {
        await using var command = _dataSource.CreateCommand(withRows ? PostgresStateSql.ReadRecordAndRows : PostgresStateSql.ReadRecord);
        PostgresKeyParameters.Bind(command, key);
        StoredState? record = null;
        var rows = new List<StoredRow>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                // With rows, the record is the one result row without a collection.
                if (withRows && !reader.IsDBNull(0))
                {
                    rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(3)));
                    continue;
                }
                var offset = withRows ? 2 : 0;
                record = new StoredState(reader.GetInt64(offset), reader.IsDBNull(offset + 1) ? null : reader.GetFieldValue<byte[]>(offset + 1), []);
            }
        }
        return record is { Payload: not null } ? record with { Rows = rows } : record;
    }

    private protected override async Task<WriteOutcome> WriteAsync(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes)
    {
        try
        {
            return await _writes.SubmitAsync(() => PostgresWriteCommand.Create(key, expectedVersion, payload, changes)) is { } version
                ? WriteOutcome.Written(version)
                : await RefusalAsync(key, expectedVersion, changes);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            // A duplicated event id, or a sequence another writer stored first: the statement applied nothing.
            return WriteOutcome.EventConflict(expectedVersion, exception.MessageText);
        }
    }

    private async Task<WriteOutcome> RefusalAsync(GrainStateKey key, long? expected, StateChanges changes)
    {
        await using var command = _dataSource.CreateCommand(PostgresStateSql.Refusal);
        PostgresKeyParameters.Bind(command, key);
        command.Parameters.Add(new NpgsqlParameter("stream", NpgsqlDbType.Text) { Value = (object?)changes.StreamType ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        long? stored = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        var last = reader.GetInt64(1);
        return stored == expected && changes.SequenceBefore is { } before && before != last
            ? WriteOutcome.EventConflict(stored, $"event {before + 1} of {changes.StreamType} {key.GrainKey} does not follow {last}")
            : WriteOutcome.VersionConflict(stored);
    }
}
