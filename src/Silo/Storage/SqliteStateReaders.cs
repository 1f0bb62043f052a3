using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>A pool of read connections, each with its prepared point lookup. In WAL mode readers never wait for the
/// writer and see the last committed state; a connection is used by one reader at a time.</summary>
internal sealed class SqliteStateReaders(string connectionString, SqliteGrainStorageOptions options) : IDisposable
{
    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    /// <summary>Reads the stored version and payload, or nothing when the state was never written.</summary>
    public (long Version, byte[]? Payload)? Read(GrainStateKey key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var reader))
        {
            reader = new Reader(SqliteConnectionFactory.Open(connectionString, options.Synchronous, options.BusyTimeout));
        }
        try
        {
            var result = reader.Read(key);
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

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
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
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _select;

        public Reader(SqliteConnection connection)
        {
            _connection = connection;
            _select = connection.CreateCommand();
            _select.CommandText = """
                SELECT version, payload FROM grain_state
                WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state;
                """;
            _select.Parameters.Add("$service", SqliteType.Text);
            _select.Parameters.Add("$type", SqliteType.Text);
            _select.Parameters.Add("$key", SqliteType.Text);
            _select.Parameters.Add("$state", SqliteType.Text);
        }

        public (long Version, byte[]? Payload)? Read(GrainStateKey key)
        {
            _select.Parameters["$service"].Value = key.ServiceId;
            _select.Parameters["$type"].Value = key.GrainType;
            _select.Parameters["$key"].Value = key.GrainKey;
            _select.Parameters["$state"].Value = key.StateName;
            using var row = _select.ExecuteReader();
            if (!row.Read())
            {
                return null;
            }
            return (row.GetInt64(0), row.IsDBNull(1) ? null : (byte[])row.GetValue(1));
        }

        public void Dispose()
        {
            _select.Dispose();
            _connection.Dispose();
        }
    }
}
