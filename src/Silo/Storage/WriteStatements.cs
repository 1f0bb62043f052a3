using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>The writer's prepared statements. Each write is conditional on the version its caller saw, so a stale
/// caller changes nothing: <c>INSERT … ON CONFLICT DO NOTHING</c> for a first write (the primary key lets only one of
/// two racing first writes in), <c>UPDATE … WHERE version = expected</c> otherwise.</summary>
internal sealed class WriteStatements : IDisposable
{
    private const string KeyFilter = "service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";

    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _readVersion;

    public WriteStatements(SqliteConnection connection)
    {
        _insert = Create(connection, """
            INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_on)
            VALUES ($service, $type, $key, $state, 1, $payload, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            ON CONFLICT DO NOTHING;
            """, withPayload: true, withVersion: false);
        _update = Create(connection, $"""
            UPDATE grain_state
            SET version = version + 1, payload = $payload, modified_on = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            WHERE {KeyFilter} AND version = $version;
            """, withPayload: true, withVersion: true);
        _readVersion = Create(connection, $"SELECT version FROM grain_state WHERE {KeyFilter};", withPayload: false, withVersion: false);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _update.Transaction = transaction;
        _readVersion.Transaction = transaction;
    }

    public WriteOutcome Apply(PendingWrite write)
    {
        var command = write.ExpectedVersion is null ? _insert : _update;
        Bind(command, write.Key);
        command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
        if (write.ExpectedVersion is { } expected)
        {
            command.Parameters["$version"].Value = expected;
        }
        if (command.ExecuteNonQuery() == 1)
        {
            return new WriteOutcome(true, (write.ExpectedVersion ?? 0) + 1, null);
        }
        // Refused: report what is stored, for the caller's exception (rare, so not worth a RETURNING round-trip).
        Bind(_readVersion, write.Key);
        var stored = _readVersion.ExecuteScalar();
        return new WriteOutcome(false, 0, stored is long version ? version : null);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _readVersion.Dispose();
    }

    private static void Bind(SqliteCommand command, GrainStateKey key)
    {
        command.Parameters["$service"].Value = key.ServiceId;
        command.Parameters["$type"].Value = key.GrainType;
        command.Parameters["$key"].Value = key.GrainKey;
        command.Parameters["$state"].Value = key.StateName;
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, bool withPayload, bool withVersion)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$service", SqliteType.Text);
        command.Parameters.Add("$type", SqliteType.Text);
        command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.Add("$state", SqliteType.Text);
        if (withPayload)
        {
            command.Parameters.Add("$payload", SqliteType.Blob);
        }
        if (withVersion)
        {
            command.Parameters.Add("$version", SqliteType.Integer);
        }
        return command;
    }
}
