using System.Globalization;
using System.Text;
using AfterSales.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Puts one write's statement together from <see cref="PostgresStateSql"/>, with exactly the parts and
/// parameters that write needs, as a statement of a batch (<see cref="PostgresWriteBatcher"/>).</summary>
internal static class PostgresWriteCommand
{
    public static NpgsqlBatchCommand Create(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes)
    {
        var sql = new StringBuilder();
        var command = new NpgsqlBatchCommand();
        PostgresKeyParameters.Bind(command.Parameters, key);
        command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Bytea) { Value = (object?)payload ?? DBNull.Value });
        var first = expectedVersion is null;
        sql.Append(first ? PostgresStateSql.FirstRecord : PostgresStateSql.NextRecord);
        if (!first)
        {
            command.Parameters.Add(new NpgsqlParameter<long>("version", NpgsqlDbType.Bigint) { TypedValue = expectedVersion!.Value });
        }
        var events = payload is null ? [] : changes.Events;
        if (events.Count > 0)
        {
            sql.Append(first ? PostgresStateSql.EventsFollowFirst : PostgresStateSql.EventsFollowNext);
            command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = changes.StreamType! });
            command.Parameters.Add(new NpgsqlParameter<long>("after", NpgsqlDbType.Bigint) { TypedValue = changes.SequenceBefore!.Value });
        }
        sql.Append(first ? PostgresStateSql.FirstRecordEnd : PostgresStateSql.NextRecordEnd);
        if (payload is null)
        {
            sql.Append(PostgresStateSql.AllRowsRemoved);
        }
        else
        {
            AppendRows(sql, command, changes.Rows);
            if (events.Count > 0)
            {
                sql.Append(PostgresStateSql.AppendedEvents);
                AddEvents(command, events);
            }
        }
        sql.Append(PostgresStateSql.Result);
        command.CommandText = sql.ToString();
        return command;
    }

    private static void AppendRows(StringBuilder sql, NpgsqlBatchCommand command, IReadOnlyList<RowChange> rows)
    {
        var written = rows.Where(row => row.Payload is not null).ToArray();
        if (written.Length > 0)
        {
            sql.Append(PostgresStateSql.WrittenRows);
            AddArray(command, "row_collections", NpgsqlDbType.Text, written.Select(row => row.Collection).ToArray());
            AddArray(command, "row_keys", NpgsqlDbType.Text, written.Select(row => row.Key).ToArray());
            AddArray(command, "row_payloads", NpgsqlDbType.Bytea, written.Select(row => row.Payload!).ToArray());
        }
        var removedByCollection = rows.Where(row => row.Payload is null).GroupBy(row => row.Collection, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < removedByCollection.Length; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(PostgresStateSql.RemovedRows.Replace("{0}", index, StringComparison.Ordinal));
            command.Parameters.Add(new NpgsqlParameter<string>($"gone_collection_{index}", NpgsqlDbType.Text) { TypedValue = removedByCollection[i].Key });
            AddArray(command, $"gone_keys_{index}", NpgsqlDbType.Text, removedByCollection[i].Select(row => row.Key).ToArray());
        }
    }

    private static void AddEvents(NpgsqlBatchCommand command, IReadOnlyList<JournalEvent> events)
    {
        AddArray(command, "event_sequences", NpgsqlDbType.Bigint, events.Select(e => e.Sequence).ToArray());
        AddArray(command, "event_ids", NpgsqlDbType.Uuid, events.Select(e => e.EventId).ToArray());
        // timestamptz takes UTC only; it keeps microseconds.
        AddArray(command, "event_times", NpgsqlDbType.TimestampTz, events.Select(e => e.At.ToUniversalTime()).ToArray());
        AddArray(command, "event_actors", NpgsqlDbType.Text, events.Select(e => e.Actor).ToArray());
        AddArray(command, "event_kinds", NpgsqlDbType.Text, events.Select(e => e.Kind).ToArray());
        AddArray(command, "event_data", NpgsqlDbType.Text, events.Select(e => e.Data).ToArray());
    }

    private static void AddArray<T>(NpgsqlBatchCommand command, string name, NpgsqlDbType elementType, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values });
}
