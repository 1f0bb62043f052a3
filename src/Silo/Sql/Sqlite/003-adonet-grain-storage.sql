-- Grain state for Orleans' stock ADO.NET grain storage on SQLite (EmbeddedStorage = AdoNetSqlite).
-- The provider passes the state name as "GrainTypeString" and a key without its grain type, so the identity is
-- (service, state name, key). The primary key makes two racing first writes leave exactly one row.
CREATE TABLE adonet_grain_state
(
    service_id    TEXT    NOT NULL,
    state_name    TEXT    NOT NULL,
    grain_id_n0   INTEGER NOT NULL,
    grain_id_n1   INTEGER NOT NULL,
    grain_id_text TEXT    NOT NULL,   -- the string part of the key, '' when the key has none
    version       INTEGER NOT NULL,
    payload       BLOB    NULL,       -- NULL after a clear: the row stays so versions never repeat
    modified_on   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_text)
) WITHOUT ROWID;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM adonet_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = ifnull(@GrainIdExtensionString, '''');
'),

-- Two statements, at most one of which changes a row: a first write (no version) inserts unless a row exists;
-- a versioned write updates only the row at exactly that version. No row back = version conflict.
('WriteToStorageKey', '
INSERT INTO adonet_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_text, version, payload)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, ifnull(@GrainIdExtensionString, ''''), 1, @PayloadBinary
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
UPDATE adonet_grain_state
SET payload = @PayloadBinary, version = version + 1, modified_on = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = ifnull(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
'),

('ClearStorageKey', '
UPDATE adonet_grain_state
SET payload = NULL, version = version + 1, modified_on = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = ifnull(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version;
'),

('DeleteStorageKey', '
DELETE FROM adonet_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = ifnull(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version + 1;
');
