-- The case list in its own SQLite file (caselist.db beside aftersales.db): one row per case, projected from the case
-- events of event_journal by the case-feed consumers (one per partition of the case-event stream). Rebuilt from the
-- journal at will (a reset deletes a partition's rows and checkpoint); nothing else reads or writes these tables. Its
-- own file has its own writer, so list writes never queue behind (or hold up) the grain state's commits; it is
-- written with synchronous=NORMAL because anything lost in a power cut is rebuilt from the journal, which is synced.
-- Times are UTC ticks (100 ns since 0001-01-01), so ordering and keyset paging compare integers; enums are their
-- camelCase names, the department its slug. The KPI facts (docs/KPIS.md) are folded from the events like the rest.
CREATE TABLE IF NOT EXISTS case_list
(
    id                      INTEGER NOT NULL PRIMARY KEY,
    service_id              TEXT    NOT NULL,
    number                  TEXT    NOT NULL,
    partition               INTEGER NOT NULL,
    type                    TEXT    NULL,
    status                  TEXT    NOT NULL,
    priority                TEXT    NULL,
    priority_rank           INTEGER NOT NULL,
    channel                 TEXT    NULL,
    department              TEXT    NULL,
    region                  TEXT    NULL,
    assignee_id             TEXT    NULL,
    customer_id             TEXT    NULL,
    device_serial           TEXT    NULL,
    subject                 TEXT    NOT NULL,
    description             TEXT    NOT NULL,
    created_ticks           INTEGER NOT NULL,
    updated_ticks           INTEGER NOT NULL,
    resolved_ticks          INTEGER NULL,
    sla_state               TEXT    NULL,
    last_sequence           INTEGER NOT NULL,
    first_response_ticks    INTEGER NULL,
    reopen_count            INTEGER NOT NULL DEFAULT 0,
    visit_count             INTEGER NOT NULL DEFAULT 0,
    first_visit_fixed       INTEGER NOT NULL DEFAULT 0,
    visit_minutes           INTEGER NOT NULL DEFAULT 0,
    last_visit_ticks        INTEGER NULL,
    response_breach_ticks   INTEGER NULL,
    resolution_breach_ticks INTEGER NULL,
    survey_answers          INTEGER NOT NULL DEFAULT 0,
    survey_satisfied        INTEGER NOT NULL DEFAULT 0,
    nps_promoters           INTEGER NOT NULL DEFAULT 0,
    nps_detractors          INTEGER NOT NULL DEFAULT 0,
    last_survey_ticks       INTEGER NULL,
    complaint_count         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (service_id, number)
);

-- Keyset paging walks one of these per sort, ties broken by number; the partition index serves a reset; the resolved
-- index finds the cases resolved after a past instant (the backlog as of then).
CREATE INDEX IF NOT EXISTS case_list_by_created ON case_list (service_id, created_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_updated ON case_list (service_id, updated_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_priority ON case_list (service_id, priority_rank, number);
CREATE INDEX IF NOT EXISTS case_list_by_status ON case_list (service_id, status, created_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_partition ON case_list (service_id, partition);
CREATE INDEX IF NOT EXISTS case_list_by_resolved ON case_list (service_id, resolved_ticks);

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
