-- KPI facts on the case list: each case's row carries what the KPIs sum (docs/KPIS.md), folded from its events by the
-- case-feed consumers like the rest of the row. Times are UTC ticks like the list's; counts start at 0. Rows written
-- before this script keep the defaults until their case's next event or a rebuild (POST /api/case-list/rebuild).
-- IF NOT EXISTS throughout: harmless if applied twice.
ALTER TABLE case_list
    ADD COLUMN IF NOT EXISTS first_response_ticks    bigint NULL,
    ADD COLUMN IF NOT EXISTS reopen_count            int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS visit_count             int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS first_visit_fixed       int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS visit_minutes           int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS last_visit_ticks        bigint NULL,
    ADD COLUMN IF NOT EXISTS response_breach_ticks   bigint NULL,
    ADD COLUMN IF NOT EXISTS resolution_breach_ticks bigint NULL,
    ADD COLUMN IF NOT EXISTS survey_answers          int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS survey_satisfied        int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS nps_promoters           int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS nps_detractors          int    NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS last_survey_ticks       bigint NULL,
    ADD COLUMN IF NOT EXISTS complaint_count         int    NOT NULL DEFAULT 0;

-- The period filters of GET /api/kpis: each figure selects rows by one of these instants in [from, to). The backlog
-- walks the open rows (resolved_ticks NULL) and those resolved after its instant.
CREATE INDEX IF NOT EXISTS case_list_by_resolved ON case_list (service_id, resolved_ticks, created_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_first_response ON case_list (service_id, first_response_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_response_breach ON case_list (service_id, response_breach_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_resolution_breach ON case_list (service_id, resolution_breach_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_last_survey ON case_list (service_id, last_survey_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_last_visit ON case_list (service_id, last_visit_ticks);
