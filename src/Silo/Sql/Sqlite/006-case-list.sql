-- The case list: one row per case, projected from the case events of event_journal by the case-feed consumers
-- (one per partition of the case-event stream). Rebuilt from the journal at will (a reset deletes a partition's rows and
-- checkpoint); nothing else reads or writes these tables. Times are UTC ticks (100 ns since 0001-01-01), so ordering
-- and keyset paging compare integers; enums are their camelCase names, the department its slug. sla_state stays NULL
-- until an SLA feature fills it. IF NOT EXISTS: harmless if applied twice.
CREATE TABLE IF NOT EXISTS case_list
(
    id             INTEGER NOT NULL PRIMARY KEY,
    service_id     TEXT    NOT NULL,
    number         TEXT    NOT NULL,
    partition      INTEGER NOT NULL,
    type           TEXT    NULL,
    status         TEXT    NOT NULL,
    priority       TEXT    NULL,
    priority_rank  INTEGER NOT NULL,
    channel        TEXT    NULL,
    department     TEXT    NULL,
    region         TEXT    NULL,
    assignee_id    TEXT    NULL,
    customer_id    TEXT    NULL,
    device_serial  TEXT    NULL,
    subject        TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    created_ticks  INTEGER NOT NULL,
    updated_ticks  INTEGER NOT NULL,
    resolved_ticks INTEGER NULL,
    sla_state      TEXT    NULL,
    last_sequence  INTEGER NOT NULL,
    UNIQUE (service_id, number)
);

-- Keyset paging walks one of these per sort, ties broken by number.
CREATE INDEX IF NOT EXISTS case_list_by_created ON case_list (service_id, created_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_updated ON case_list (service_id, updated_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_priority ON case_list (service_id, priority_rank, number);
CREATE INDEX IF NOT EXISTS case_list_by_status ON case_list (service_id, status, created_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_partition ON case_list (service_id, partition);

-- Full-text search over subject and description: FTS5's trigram tokenizer indexes every 3-character run, so a
-- substring of 3 or more characters is found in any script (Chinese has no spaces to split words at); shorter
-- queries fall back to LIKE. rowid = case_list.id.
CREATE VIRTUAL TABLE IF NOT EXISTS case_list_text USING fts5(subject, description, tokenize = 'trigram');

-- Per partition, the journal position up to which every event is applied.
CREATE TABLE IF NOT EXISTS case_list_checkpoint
(
    service_id TEXT    NOT NULL,
    partition  INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (service_id, partition)
) WITHOUT ROWID;
