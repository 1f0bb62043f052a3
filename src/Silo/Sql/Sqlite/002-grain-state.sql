-- Grain state of the embedded silo's own SQLite grain storage (EmbeddedStorage = Sqlite).
-- The identity includes the grain type and the state name, so two grain types can never collide; the primary key
-- makes two racing first writes of one grain leave exactly one row. A clear keeps the row (payload NULL) as a
-- tombstone so a version number is never reused.
CREATE TABLE grain_state
(
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NULL,
    modified_on TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
) WITHOUT ROWID;
