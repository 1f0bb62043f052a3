-- Row-backed grain state and the event journal of the embedded silo's own grain storage.
--
-- It is now the embedded silo's only grain storage: Orleans' ADO.NET grain storage (EmbeddedStorage = AdoNetSqlite)
-- would drop a row-backed state's rows and events. Its table adonet_grain_state keeps whatever it held (nothing
-- reads it any more); the queries that provider looked up are removed.
DELETE FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey', 'DeleteStorageKey');

--
-- grain_row: the growing collections of a grain state, one row per item, written in the transaction of the state's
-- record (grain_state) and only when its version check passed. A write stores the items that changed, so its cost
-- follows the change, not the size of the collection. Read back whole with the record, by the primary key's prefix.
CREATE TABLE grain_row
(
    service_id TEXT NOT NULL,
    grain_type TEXT NOT NULL,
    grain_key  TEXT NOT NULL,
    state_name TEXT NOT NULL,
    collection TEXT NOT NULL,
    row_key    TEXT NOT NULL,
    payload    BLOB NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, state_name, collection, row_key)
) WITHOUT ROWID;

-- event_journal: append-only; never updated, never deleted (a grain-state clear keeps it). A stream is
-- (service_id, stream_type, stream_id) and numbers its events 1, 2, 3… without gaps; position orders every event of
-- the file. It is the rowid: the file has one writer, so positions grow in commit order and a reader that follows
-- them misses nothing. occurred_at is UTC ISO-8601 text to the microsecond; data is a JSON object.
CREATE TABLE event_journal
(
    position    INTEGER NOT NULL PRIMARY KEY,
    service_id  TEXT    NOT NULL,
    stream_type TEXT    NOT NULL,
    stream_id   TEXT    NOT NULL,
    sequence    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL UNIQUE,
    occurred_at TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    data        TEXT    NOT NULL CHECK (json_valid(data)),
    UNIQUE (service_id, stream_type, stream_id, sequence)
);

CREATE INDEX event_journal_by_position ON event_journal (service_id, position);
