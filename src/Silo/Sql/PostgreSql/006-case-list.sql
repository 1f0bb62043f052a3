-- The case list: one row per case, projected from the case events of event_journal by the case-feed consumers
-- (one per partition of the case-event stream). Rebuilt from the journal at will (a reset deletes a partition's rows and
-- checkpoint); nothing else reads or writes these tables. Times are UTC ticks (100 ns since 0001-01-01), so ordering
-- and keyset paging compare integers; enums are their camelCase names, the department its slug. sla_state stays NULL
-- until an SLA feature fills it. IF NOT EXISTS: harmless if applied twice.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS case_list
(
    service_id     text   NOT NULL,
    number         text   NOT NULL,
    partition      int    NOT NULL,
    type           text   NULL,
    status         text   NOT NULL,
    priority       text   NULL,
    priority_rank  int    NOT NULL,
    channel        text   NULL,
    department     text   NULL,
    region         text   NULL,
    assignee_id    text   NULL,
    customer_id    text   NULL,
    device_serial  text   NULL,
    subject        text   NOT NULL,
    description    text   NOT NULL,
    created_ticks  bigint NOT NULL,
    updated_ticks  bigint NOT NULL,
    resolved_ticks bigint NULL,
    sla_state      text   NULL,
    last_sequence  bigint NOT NULL,
    PRIMARY KEY (service_id, number)
) WITH (fillfactor = 80);

CREATE INDEX IF NOT EXISTS case_list_by_created ON case_list (service_id, created_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_updated ON case_list (service_id, updated_ticks, number);
CREATE INDEX IF NOT EXISTS case_list_by_priority ON case_list (service_id, priority_rank, number);
CREATE INDEX IF NOT EXISTS case_list_by_status ON case_list (service_id, status, created_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_partition ON case_list (service_id, partition);

-- Text search: ILIKE '%word%' on subject or description, served by trigram indexes for words of 3 or more
-- characters (pg_trgm); ILIKE itself decides, so the answer is exact in any script.
CREATE INDEX IF NOT EXISTS case_list_subject_trgm ON case_list USING gin (subject gin_trgm_ops);
CREATE INDEX IF NOT EXISTS case_list_description_trgm ON case_list USING gin (description gin_trgm_ops);

CREATE TABLE IF NOT EXISTS case_list_checkpoint
(
    service_id text   NOT NULL,
    partition  int    NOT NULL,
    position   bigint NOT NULL,
    PRIMARY KEY (service_id, partition)
);
