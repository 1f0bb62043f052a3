using System.Data.Common;

namespace AfterSales.Faults.Checking;

/// <summary>The checker's queries, the same on both databases but for how a JSON field is read; every one filters
/// by service id (the first parameter, <c>@service</c>).</summary>
internal static class StoreQueries
{
    /// <summary>stream_id, kind, subject, assignee of every case event, in stream and sequence order.</summary>
    private static string CaseEvents(Func<string, string> jsonField) =>
        $"""
        SELECT stream_id, kind, {jsonField("subject")}, {jsonField("assigneeId")}
        FROM event_journal WHERE service_id = @service AND stream_type = 'case'
        ORDER BY stream_id, sequence
        """;

    /// <summary>state_name, grain_key of every case and idempotency record that holds state.</summary>
    private const string Records = """
        SELECT state_name, grain_key FROM grain_state
        WHERE service_id = @service AND state_name IN ('case', 'idempotency') AND payload IS NOT NULL
        """;

    /// <summary>technician, case number of every assignment row.</summary>
    private const string AssignmentRows = """
        SELECT grain_key, row_key FROM grain_row
        WHERE service_id = @service AND state_name = 'technician' AND collection = 'assignment'
        """;

    /// <summary>Runs the three queries on an open connection into a new snapshot.</summary>
    /// <param name="jsonField">How the database reads a field of the event data's <c>facts</c> object.</param>
    public static async Task<StoreSnapshot> ReadAsync(DbConnection connection, string serviceId, Func<string, string> jsonField, CancellationToken cancellationToken)
    {
        var snapshot = new StoreSnapshot();
        await EachRowAsync(connection, CaseEvents(jsonField), serviceId,
            r => AddEvent(snapshot, r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3)), cancellationToken);
        await EachRowAsync(connection, Records, serviceId, r => AddRecord(snapshot, r.GetString(0), r.GetString(1)), cancellationToken);
        await EachRowAsync(connection, AssignmentRows, serviceId, r => snapshot.Assignments.Add((r.GetString(0), r.GetString(1))), cancellationToken);
        return snapshot;
    }

    private static async Task EachRowAsync(DbConnection connection, string sql, string serviceId, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "service";
        parameter.Value = serviceId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddEvent(StoreSnapshot snapshot, string stream, string kind, string? subject, string? assignee)
    {
        var stored = snapshot.Case(stream);
        stored.Kinds.Add(kind);
        if (subject is not null)
        {
            stored.Subjects.Add(subject);
        }
        if (assignee is not null)
        {
            stored.Assignees.Add(assignee);
        }
    }

    private static void AddRecord(StoreSnapshot snapshot, string stateName, string key)
    {
        if (stateName == "case")
        {
            snapshot.Case(key).HasRecord = true;
        }
        else
        {
            snapshot.IdempotencyKeys.Add(key);
        }
    }
}
