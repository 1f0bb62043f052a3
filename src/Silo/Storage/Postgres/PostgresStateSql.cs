namespace AfterSales.Silo.Storage.Postgres;

/// <summary>The SQL of <see cref="PostgresGrainStorage"/>. A write is ONE statement: its first part changes the
/// record only at the version the caller saw (and, when it carries events, only if they follow the stored stream);
/// the rows and events are joined to what that part returned, so a refused write applies nothing, and the statement
/// commits on its own in one round trip.</summary>
internal static class PostgresStateSql
{
    private const string KeyFilter = "service_id = @service AND grain_type = @type AND grain_key = @key AND state_name = @state";

    // Events of a write must continue the stream where it ends; no events, no check.
    private const string EventsFollow = """
        (@after IS NULL OR @after = (SELECT coalesce(max(sequence), 0) FROM event_journal
                                     WHERE service_id = @service AND stream_type = @stream AND stream_id = @key))
        """;

    private const string FirstRecord = $"""
        WITH record AS (
            INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload)
            SELECT @service, @type, @key, @state, 1, @payload
            WHERE {EventsFollow}
            ON CONFLICT DO NOTHING
            RETURNING version
        )
        """;

    private const string NextRecord = $"""
        WITH record AS (
            UPDATE grain_state
            SET version = version + 1, payload = @payload, modified_on = now()
            WHERE {KeyFilter} AND version = @version AND {EventsFollow}
            RETURNING version
        )
        """;

    private const string RowsAndEvents = """
        , written AS (
            INSERT INTO grain_row (service_id, grain_type, grain_key, state_name, collection, row_key, payload)
            SELECT @service, @type, @key, @state, r.collection, r.row_key, r.payload
            FROM record CROSS JOIN unnest(@row_collections, @row_keys, @row_payloads) AS r (collection, row_key, payload)
            ON CONFLICT (service_id, grain_type, grain_key, state_name, collection, row_key) DO UPDATE SET payload = excluded.payload
        ), removed AS (
            DELETE FROM grain_row AS g
            USING record, unnest(@gone_collections, @gone_keys) AS d (collection, row_key)
            WHERE g.service_id = @service AND g.grain_type = @type AND g.grain_key = @key AND g.state_name = @state
              AND g.collection = d.collection AND g.row_key = d.row_key
        ), appended AS (
            INSERT INTO event_journal (service_id, stream_type, stream_id, sequence, event_id, occurred_at, actor, kind, data)
            SELECT @service, @stream, @key, e.sequence, e.event_id, e.occurred_at, e.actor, e.kind, e.data::jsonb
            FROM record CROSS JOIN unnest(@event_sequences, @event_ids, @event_times, @event_actors, @event_kinds, @event_data)
                 AS e (sequence, event_id, occurred_at, actor, kind, data)
            ORDER BY e.sequence
        )
        SELECT version FROM record;
        """;

    // A clear keeps the record as a tombstone (so a version is never reused) and removes every row; the journal stays.
    private const string AllRowsRemoved = $"""
        , removed AS (
            DELETE FROM grain_row AS g USING record
            WHERE g.service_id = @service AND g.grain_type = @type AND g.grain_key = @key AND g.state_name = @state
        )
        SELECT version FROM record;
        """;

    public const string WriteFirst = FirstRecord + RowsAndEvents;

    public const string WriteNext = NextRecord + RowsAndEvents;

    public const string ClearFirst = FirstRecord + AllRowsRemoved;

    public const string ClearNext = NextRecord + AllRowsRemoved;

    /// <summary>After a refused write: what is stored, to say why.</summary>
    public const string Refusal = $"""
        SELECT (SELECT version FROM grain_state WHERE {KeyFilter}),
               (SELECT coalesce(max(sequence), 0) FROM event_journal
                WHERE service_id = @service AND stream_type = @stream AND stream_id = @key);
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
}
