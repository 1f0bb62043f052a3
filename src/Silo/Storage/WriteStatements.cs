using AfterSales.Persistence;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>The writer's prepared statements. Each write is conditional on the version its caller saw, so a stale
/// caller changes nothing: <c>INSERT … ON CONFLICT DO NOTHING</c> for a first write (the primary key lets only one of
/// two racing first writes in), <c>UPDATE … WHERE version = expected</c> otherwise. Rows and events follow only a
/// record change that was applied; a write with events runs inside its own savepoint, so events that do not follow
/// the stream (or a duplicated event id) undo that write alone and the rest of the batch still commits.</summary>
internal sealed class WriteStatements : IDisposable
{
    private const string KeyFilter = "service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";
    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    private const int ConstraintViolation = 19; // SQLITE_CONSTRAINT

    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _readVersion;
    private readonly SqliteCommand _upsertRow;
    private readonly SqliteCommand _deleteRow;
    private readonly SqliteCommand _deleteRows;
    private readonly SqliteCommand _lastSequence;
    private readonly SqliteCommand _appendEvent;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly SqliteCommand _releaseSavepoint;
    private readonly SqliteCommand[] _all;

    public WriteStatements(SqliteConnection connection)
    {
        _insert = Create(connection, $"""
            INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_on)
            VALUES ($service, $type, $key, $state, 1, $payload, {Now})
            ON CONFLICT DO NOTHING;
            """, Keyed(("$payload", SqliteType.Blob)));
        _update = Create(connection, $"""
            UPDATE grain_state
            SET version = version + 1, payload = $payload, modified_on = {Now}
            WHERE {KeyFilter} AND version = $version;
            """, Keyed(("$payload", SqliteType.Blob), ("$version", SqliteType.Integer)));
        _readVersion = Create(connection, $"SELECT version FROM grain_state WHERE {KeyFilter};", Keyed());
        _upsertRow = Create(connection, """
            INSERT INTO grain_row (service_id, grain_type, grain_key, state_name, collection, row_key, payload)
            VALUES ($service, $type, $key, $state, $collection, $row, $payload)
            ON CONFLICT (service_id, grain_type, grain_key, state_name, collection, row_key) DO UPDATE SET payload = excluded.payload;
            """, Keyed(("$collection", SqliteType.Text), ("$row", SqliteType.Text), ("$payload", SqliteType.Blob)));
        _deleteRow = Create(connection, $"DELETE FROM grain_row WHERE {KeyFilter} AND collection = $collection AND row_key = $row;",
            Keyed(("$collection", SqliteType.Text), ("$row", SqliteType.Text)));
        _deleteRows = Create(connection, $"DELETE FROM grain_row WHERE {KeyFilter};", Keyed());
        _lastSequence = Create(connection, """
            SELECT coalesce((SELECT sequence FROM event_journal
                             WHERE service_id = $service AND stream_type = $stream AND stream_id = $id
                             ORDER BY sequence DESC LIMIT 1), 0);
            """, ("$service", SqliteType.Text), ("$stream", SqliteType.Text), ("$id", SqliteType.Text));
        _appendEvent = Create(connection, """
            INSERT INTO event_journal (service_id, stream_type, stream_id, sequence, event_id, occurred_at, actor, kind, data)
            VALUES ($service, $stream, $id, $sequence, $event, $at, $actor, $kind, $data);
            """,
            ("$service", SqliteType.Text), ("$stream", SqliteType.Text), ("$id", SqliteType.Text), ("$sequence", SqliteType.Integer),
            ("$event", SqliteType.Text), ("$at", SqliteType.Text), ("$actor", SqliteType.Text), ("$kind", SqliteType.Text),
            ("$data", SqliteType.Text));
        _savepoint = Create(connection, "SAVEPOINT pending_write;");
        _rollbackToSavepoint = Create(connection, "ROLLBACK TO pending_write;");
        _releaseSavepoint = Create(connection, "RELEASE pending_write;");
        _all = [_insert, _update, _readVersion, _upsertRow, _deleteRow, _deleteRows, _lastSequence, _appendEvent,
            _savepoint, _rollbackToSavepoint, _releaseSavepoint];
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    public WriteOutcome Apply(PendingWrite write)
    {
        if (write.Payload is null || write.Changes.Events.Count == 0)
        {
            return ApplyRecordAndRows(write);
        }
        _savepoint.ExecuteNonQuery();
        WriteOutcome outcome;
        try
        {
            outcome = ApplyRecordAndRows(write);
            if (outcome.Applied)
            {
                outcome = AppendEvents(write, outcome);
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == ConstraintViolation)
        {
            // A duplicated event id (or data that is not JSON): this write's events cannot be stored.
            outcome = WriteOutcome.EventConflict(write.ExpectedVersion, exception.Message);
        }
        if (!outcome.Applied)
        {
            _rollbackToSavepoint.ExecuteNonQuery();
        }
        _releaseSavepoint.ExecuteNonQuery();
        return outcome;
    }

    /// <summary>Opens the savepoint a write (or a <see cref="PendingCommand"/>) runs in, prepared once.</summary>
    public void Savepoint() => _savepoint.ExecuteNonQuery();

    /// <summary>Undoes what ran since <see cref="Savepoint"/>.</summary>
    public void RollbackToSavepoint() => _rollbackToSavepoint.ExecuteNonQuery();

    /// <summary>Ends the savepoint (keeping what was not rolled back).</summary>
    public void ReleaseSavepoint() => _releaseSavepoint.ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private WriteOutcome ApplyRecordAndRows(PendingWrite write)
    {
        var command = write.ExpectedVersion is null ? _insert : _update;
        command.BindKey(write.Key);
        command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
        if (write.ExpectedVersion is { } expected)
        {
            command.Parameters["$version"].Value = expected;
        }
        if (command.ExecuteNonQuery() != 1)
        {
            // Refused: report what is stored, for the caller's exception (rare, so not worth a RETURNING round-trip).
            _readVersion.BindKey(write.Key);
            return WriteOutcome.VersionConflict(_readVersion.ExecuteScalar() is long version ? version : null);
        }
        if (write.Payload is null)
        {
            // A clear removes the rows with the record; the journal is never cleared.
            _deleteRows.BindKey(write.Key);
            _deleteRows.ExecuteNonQuery();
        }
        else
        {
            foreach (var row in write.Changes.Rows)
            {
                var rowCommand = row.Payload is null ? _deleteRow : _upsertRow;
                rowCommand.BindKey(write.Key);
                rowCommand.Parameters["$collection"].Value = row.Collection;
                rowCommand.Parameters["$row"].Value = row.Key;
                if (row.Payload is not null)
                {
                    rowCommand.Parameters["$payload"].Value = row.Payload;
                }
                rowCommand.ExecuteNonQuery();
            }
        }
        return WriteOutcome.Written((write.ExpectedVersion ?? 0) + 1);
    }

    private WriteOutcome AppendEvents(PendingWrite write, WriteOutcome written)
    {
        var changes = write.Changes;
        _lastSequence.Parameters["$service"].Value = write.Key.ServiceId;
        _lastSequence.Parameters["$stream"].Value = changes.StreamType;
        _lastSequence.Parameters["$id"].Value = write.Key.GrainKey;
        var last = (long)_lastSequence.ExecuteScalar()!;
        if (last != changes.SequenceBefore)
        {
            return WriteOutcome.EventConflict(write.ExpectedVersion,
                $"event {changes.Events[0].Sequence} of {changes.StreamType} {write.Key.GrainKey} does not follow {last}");
        }
        _appendEvent.Parameters["$service"].Value = write.Key.ServiceId;
        _appendEvent.Parameters["$stream"].Value = changes.StreamType;
        _appendEvent.Parameters["$id"].Value = write.Key.GrainKey;
        foreach (var journalEvent in changes.Events)
        {
            _appendEvent.Parameters["$sequence"].Value = journalEvent.Sequence;
            _appendEvent.Parameters["$event"].Value = SqliteEventColumns.EventId(journalEvent.EventId);
            _appendEvent.Parameters["$at"].Value = SqliteEventColumns.Time(journalEvent.At);
            _appendEvent.Parameters["$actor"].Value = journalEvent.Actor;
            _appendEvent.Parameters["$kind"].Value = journalEvent.Kind;
            _appendEvent.Parameters["$data"].Value = journalEvent.Data;
            _appendEvent.ExecuteNonQuery();
        }
        return written;
    }

    private static (string, SqliteType)[] Keyed(params (string Name, SqliteType Type)[] more) =>
        [("$service", SqliteType.Text), ("$type", SqliteType.Text), ("$key", SqliteType.Text), ("$state", SqliteType.Text), .. more];

    private static SqliteCommand Create(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }
        return command;
    }
}
