-- Grain state for the Orleans ADO.NET grain storage. The provider passes the state name as "GrainTypeString" and a
-- grain key without its grain type, so the identity is (service, state name, key); every grain type uses its own
-- state name. The primary key makes two racing first writes of one grain leave exactly one row.
CREATE TABLE grain_state
(
    service_id    text        NOT NULL,
    state_name    text        NOT NULL,
    grain_id_n0   bigint      NOT NULL,
    grain_id_n1   bigint      NOT NULL,
    grain_id_text text        NOT NULL,   -- the string part of the key, '' when the key has none
    version       integer     NOT NULL,
    payload       bytea       NULL,       -- NULL after a clear: the row stays as a tombstone so versions never repeat
    modified_on   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_text)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = coalesce(@GrainIdExtensionString::text, '');
$q$),

-- No version: only a first write, which loses to a concurrent first write (no row comes back, the provider raises a
-- version conflict). A version: only an update of the row at exactly that version.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_text, version, payload)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString::text, ''), 1, @PayloadBinary
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_text) DO NOTHING
    RETURNING version
), updated AS (
    UPDATE grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_on = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_text = coalesce(@GrainIdExtensionString::text, '')
      AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM inserted
UNION ALL
SELECT version FROM updated;
$q$),

('ClearStorageKey', $q$
UPDATE grain_state
SET payload = NULL, version = version + 1, modified_on = now()
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = coalesce(@GrainIdExtensionString::text, '')
  AND version = @GrainStateVersion::integer
RETURNING version;
$q$),

-- Used when the provider is set to delete on clear; answers the deleted version + 1, as the provider expects.
('DeleteStorageKey', $q$
DELETE FROM grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_text = coalesce(@GrainIdExtensionString::text, '')
  AND version = @GrainStateVersion::integer
RETURNING version + 1;
$q$);
