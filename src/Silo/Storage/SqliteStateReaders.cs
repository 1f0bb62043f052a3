using System.Collections.Concurrent;
using AfterSales.Persistence;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>A pool of read connections, each with its prepared lookups of state records, rows and journal events. In
/// WAL mode readers never wait for the writer and see the last committed state; a connection is used by one reader
/// at a time.</summary>
internal sealed class SqliteStateReaders(string connectionString, SqliteGrainStorageOptions options) : IDisposable
{
    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    /// <summary>Reads the stored record, with its rows when <paramref name="withRows"/>, or nothing when the state was
    /// never written.</summary>
    public StoredState? Read(GrainStateKey key, bool withRows) => Use(reader => reader.Read(key, withRows));

    public IReadOnlyList<StoredEvent> ReadStream(string serviceId, string streamType, string streamId, long afterSequence, int limit) =>
        Use(reader => reader.ReadStream(serviceId, streamType, streamId, afterSequence, limit));

    public IReadOnlyList<StoredEvent> ReadAll(string serviceId, long afterPosition, int limit) =>
        Use(reader => reader.ReadAll(serviceId, afterPosition, limit));

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private TResult Use<TResult>(Func<Reader, TResult> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var reader))
        {
            reader = new Reader(SqliteConnectionFactory.Open(connectionString, options.Synchronous, options.BusyTimeout));
        }
        try
        {
            var result = read(reader);
            Return(reader);
            return result;
        }
        catch
        {
            // A connection that failed mid-read is not trusted again.
            reader.Dispose();
            throw;
        }
    }

    private void Return(Reader reader)
    {
        _idle.Add(reader);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    private sealed class Reader : IDisposable
    {
        private const string KeyFilter = "service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";
        private const string EventColumns = "position, stream_type, stream_id, sequence, event_id, occurred_at, actor, kind, data";

        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _record;
        private readonly SqliteCommand _rows;
        private readonly SqliteCommand _stream;
        private readonly SqliteCommand _all;

        public Reader(SqliteConnection connection)
        {
            _connection = connection;
            _record = Create($"SELECT version, payload FROM grain_state WHERE {KeyFilter};", "$service", "$type", "$key", "$state");
            _rows = Create($"SELECT collection, row_key, payload FROM grain_row WHERE {KeyFilter};", "$service", "$type", "$key", "$state");
            _stream = Create($"""
                SELECT {EventColumns} FROM event_journal
                WHERE service_id = $service AND stream_type = $stream AND stream_id = $id AND sequence > $after
                ORDER BY sequence LIMIT $limit;
                """, "$service", "$stream", "$id", "$after", "$limit");
            _all = Create($"""
                SELECT {EventColumns} FROM event_journal
                WHERE service_id = $service AND position > $after
                ORDER BY position LIMIT $limit;
                """, "$service", "$after", "$limit");
        }

        public StoredState? Read(GrainStateKey key, bool withRows)
        {
            if (!withRows)
            {
                return ReadRecord(key);
            }
            // One read transaction: the record and its rows come from the same commit.
            using var transaction = _connection.BeginTransaction(deferred: true);
            _record.Transaction = transaction;
            _rows.Transaction = transaction;
            try
            {
                var record = ReadRecord(key);
                if (record?.Payload is null)
                {
                    return record;
                }
                var rows = new List<StoredRow>();
                _rows.BindKey(key);
                using (var reader = _rows.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
                    }
                }
                return record with { Rows = rows };
            }
            finally
            {
                _record.Transaction = null;
                _rows.Transaction = null;
            }
        }

        public List<StoredEvent> ReadStream(string serviceId, string streamType, string streamId, long afterSequence, int limit)
        {
            _stream.Parameters["$service"].Value = serviceId;
            _stream.Parameters["$stream"].Value = streamType;
            _stream.Parameters["$id"].Value = streamId;
            _stream.Parameters["$after"].Value = afterSequence;
            _stream.Parameters["$limit"].Value = limit;
            return ReadEvents(_stream);
        }

        public List<StoredEvent> ReadAll(string serviceId, long afterPosition, int limit)
        {
            _all.Parameters["$service"].Value = serviceId;
            _all.Parameters["$after"].Value = afterPosition;
            _all.Parameters["$limit"].Value = limit;
            return ReadEvents(_all);
        }

        public void Dispose()
        {
            _record.Dispose();
            _rows.Dispose();
            _stream.Dispose();
            _all.Dispose();
            _connection.Dispose();
        }

        private StoredState? ReadRecord(GrainStateKey key)
        {
            _record.BindKey(key);
            using var reader = _record.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            return new StoredState(reader.GetInt64(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1), []);
        }

        private static List<StoredEvent> ReadEvents(SqliteCommand command)
        {
            var events = new List<StoredEvent>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(new StoredEvent(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    new JournalEvent(
                        SqliteEventColumns.EventId(reader.GetString(4)),
                        reader.GetInt64(3),
                        SqliteEventColumns.Time(reader.GetString(5)),
                        reader.GetString(6),
                        reader.GetString(7),
                        reader.GetString(8))));
            }
            return events;
        }

        private SqliteCommand Create(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            return command;
        }
    }
}
