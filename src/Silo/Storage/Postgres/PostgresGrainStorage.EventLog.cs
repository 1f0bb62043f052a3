using AfterSales.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>The event log: reads of the journal the writes appended, for this silo's service.</summary>
/// <remarks>Positions come from an identity column, taken when a row is inserted, so with concurrent writers a lower
/// position can commit after a higher one. <see cref="ReadAllAsync"/> shows what is committed; a consumer re-reads
/// an overlap behind its checkpoint and de-duplicates by event id (deploy/STORAGE.md).</remarks>
public sealed partial class PostgresGrainStorage
{
    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadEventsAsync($"{streamType}/{streamId}", () => ReadStreamCoreAsync(streamType, streamId, afterSequence, limit, cancellationToken));
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadEventsAsync("all", () => ReadAllCoreAsync(afterPosition, limit, cancellationToken));
    }

    public async Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default)
    {
        if (rewrites.Count == 0)
        {
            return;
        }
        // One statement, so one transaction: all of the stream's rewrites or none.
        await using var command = _dataSource.CreateCommand(PostgresStateSql.RewriteEvents);
        command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamType });
        command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long[]>("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. rewrites.Select(r => r.Sequence)],
        });
        command.Parameters.Add(new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. rewrites.Select(r => r.Data)],
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadStreamCoreAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresStateSql.ReadStream);
        command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamType });
        command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long>("after", NpgsqlDbType.Bigint) { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        return await ReadRowsAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadAllCoreAsync(long afterPosition, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PostgresStateSql.ReadAll);
        command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<long>("after", NpgsqlDbType.Bigint) { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        return await ReadRowsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                new JournalEvent(
                    reader.GetGuid(4),
                    reader.GetInt64(3),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8))));
        }
        return events;
    }
}
