-- KPI facts on the case list: each case's row carries what the KPIs sum (docs/KPIS.md), folded from its events by the
-- case-feed consumers like the rest of the row. Times are UTC ticks like the list's; counts start at 0. Rows written
-- before this script keep the defaults until their case's next event or a rebuild (POST /api/case-list/rebuild).
-- SQLite has no ADD COLUMN IF NOT EXISTS: the migrator applies this script once (recorded in schema_version, in the
-- transaction of the script), and the indexes are IF NOT EXISTS.
ALTER TABLE case_list ADD COLUMN first_response_ticks INTEGER NULL;
ALTER TABLE case_list ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN visit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN first_visit_fixed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN visit_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN last_visit_ticks INTEGER NULL;
ALTER TABLE case_list ADD COLUMN response_breach_ticks INTEGER NULL;
ALTER TABLE case_list ADD COLUMN resolution_breach_ticks INTEGER NULL;
ALTER TABLE case_list ADD COLUMN survey_answers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN survey_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN nps_promoters INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN nps_detractors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_list ADD COLUMN last_survey_ticks INTEGER NULL;
ALTER TABLE case_list ADD COLUMN complaint_count INTEGER NOT NULL DEFAULT 0;

-- The period filters of GET /api/kpis: each figure selects rows by one of these instants in [from, to). The backlog
-- walks the open rows (resolved_ticks NULL) and those resolved after its instant.
CREATE INDEX IF NOT EXISTS case_list_by_resolved ON case_list (service_id, resolved_ticks, created_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_first_response ON case_list (service_id, first_response_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_response_breach ON case_list (service_id, response_breach_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_resolution_breach ON case_list (service_id, resolution_breach_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_last_survey ON case_list (service_id, last_survey_ticks);
CREATE INDEX IF NOT EXISTS case_list_by_last_visit ON case_list (service_id, last_visit_ticks);
