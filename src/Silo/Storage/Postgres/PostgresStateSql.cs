namespace AfterSales.Silo.Storage.Postgres;

/// <summary>The SQL of <see cref="PostgresGrainStorage"/>. A write is ONE statement (<see cref="PostgresWriteCommand"/>
/// puts it together from the parts below): its first part changes the record only at the version the caller saw (and,
/// when it carries events, only if they follow the stored stream); every other part acts only on what that first part
/// returned, so a refused write applies nothing, and the statement commits on its own in one round trip.</summary>
/// <remarks>Each part touches rows by their full primary key (or, for a clear, by the state's key prefix): a write's
/// cost follows what it carries, never how many rows the state holds. Parts a write does not need are left out rather
/// than fed empty arrays, so no plan can scan a state's rows to find nothing.</remarks>
internal static class PostgresStateSql
{
    private const string KeyFilter = "service_id = @service AND grain_type = @type AND grain_key = @key AND state_name = @state";

    private const string LastSequence = """
        coalesce((SELECT sequence FROM event_journal
                  WHERE service_id = @service AND stream_type = @stream AND stream_id = @key
                  ORDER BY sequence DESC LIMIT 1), 0)
        """;

    public const string FirstRecord = """
        WITH record AS (
            INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload)
            SELECT @service, @type, @key, @state, 1, @payload
        """;

    public const string NextRecord = $"""
        WITH record AS (
            UPDATE grain_state
            SET version = version + 1, payload = @payload, modified_on = now()
            WHERE {KeyFilter} AND version = @version
        """;

    /// <summary>Added to the record's part when the write carries events: they must continue the stream.</summary>
    public const string EventsFollowFirst = $"    WHERE @after = {LastSequence}\n";

    /// <summary>The same condition for <see cref="NextRecord"/>, whose WHERE is already open.</summary>
    public const string EventsFollowNext = $"      AND @after = {LastSequence}\n";

    public const string FirstRecordEnd = """
            ON CONFLICT DO NOTHING
            RETURNING version
        )
        """;

    public const string NextRecordEnd = """
            RETURNING version
        )
        """;

    public const string WrittenRows = """
        , written AS (
            INSERT INTO grain_row (service_id, grain_type, grain_key, state_name, collection, row_key, payload)
            SELECT @service, @type, @key, @state, r.collection, r.row_key, r.payload
            FROM record CROSS JOIN unnest(@row_collections, @row_keys, @row_payloads) AS r (collection, row_key, payload)
            ON CONFLICT (service_id, grain_type, grain_key, state_name, collection, row_key) DO UPDATE SET payload = excluded.payload
        )
        """;

    /// <summary>The removed rows of one collection (<c>{0}</c>: its index among the write's collections).</summary>
    public const string RemovedRows = $$"""
        , removed_{0} AS (
            DELETE FROM grain_row
            WHERE {{KeyFilter}} AND collection = @gone_collection_{0} AND row_key = ANY (@gone_keys_{0})
              AND EXISTS (SELECT 1 FROM record)
        )
        """;

    public const string AppendedEvents = """
        , appended AS (
            INSERT INTO event_journal (service_id, stream_type, stream_id, sequence, event_id, occurred_at, actor, kind, data)
            SELECT @service, @stream, @key, e.sequence, e.event_id, e.occurred_at, e.actor, e.kind, e.data::jsonb
            FROM record CROSS JOIN unnest(@event_sequences, @event_ids, @event_times, @event_actors, @event_kinds, @event_data)
                 AS e (sequence, event_id, occurred_at, actor, kind, data)
            ORDER BY e.sequence
        )
        """;

    /// <summary>A clear keeps the record as a tombstone (so a version is never reused) and removes every row; the
    /// journal stays.</summary>
    public const string AllRowsRemoved = $"""
        , cleared AS (
            DELETE FROM grain_row WHERE {KeyFilter} AND EXISTS (SELECT 1 FROM record)
        )
        """;

    public const string Result = "SELECT version FROM record;";

    /// <summary>After a refused write: what is stored, to say why.</summary>
    public const string Refusal = $"""
        SELECT (SELECT version FROM grain_state WHERE {KeyFilter}), {LastSequence};
        """;

    public const string ReadRecord = $"SELECT version, payload FROM grain_state WHERE {KeyFilter};";

    /// <summary>The record and its rows in one statement, so both come from the same snapshot; the record is the row
    /// without a collection.</summary>
    public const string ReadRecordAndRows = $"""
        SELECT NULL::text AS collection, NULL::text AS row_key, version, payload FROM grain_state WHERE {KeyFilter}
        UNION ALL
        SELECT collection, row_key, NULL, payload FROM grain_row WHERE {KeyFilter};
        """;

    private const string EventColumns = "position, stream_type, stream_id, sequence, event_id, occurred_at, actor, kind, data::text";

    public const string ReadStream = $"""
        SELECT {EventColumns} FROM event_journal
        WHERE service_id = @service AND stream_type = @stream AND stream_id = @id AND sequence > @after
        ORDER BY sequence LIMIT @limit;
        """;

    public const string ReadAll = $"""
        SELECT {EventColumns} FROM event_journal
        WHERE service_id = @service AND position > @after
        ORDER BY position LIMIT @limit;
        """;

    /// <summary>The GDPR erase's rewrite of some events' data in one stream (<c>IEventLog.RewriteAsync</c>).</summary>
    public const string RewriteEvents = """
        UPDATE event_journal AS e SET data = r.data::jsonb
        FROM unnest(@sequences, @data) AS r(sequence, data)
        WHERE e.service_id = @service AND e.stream_type = @stream AND e.stream_id = @id AND e.sequence = r.sequence;
        """;
}
