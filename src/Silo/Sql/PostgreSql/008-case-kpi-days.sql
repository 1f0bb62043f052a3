-- KPI day buckets (docs/KPIS.md "How the figures are kept"), the same tables and rules as the embedded list file's
-- (SqliteCaseList/002-case-kpi-days.sql): per UTC day and dimension, what GET /api/kpis sums, kept by triggers on
-- case_list in the row's own transaction, so a midnight-to-midnight period adds up a few rows per day instead of every
-- case. Each trigger function takes the row's old contribution away (UPDATE, DELETE) and adds the new one (INSERT,
-- UPDATE); an UPDATE runs only the functions whose inputs changed. Safe to apply twice: the tables are IF NOT EXISTS, the
-- functions replaced, the triggers dropped and made again, and the buckets recomputed from the rows (the backfill of
-- rows written before this script) inside the migration's transaction.
CREATE TABLE IF NOT EXISTS case_kpi_day
(
    service_id text   NOT NULL,
    day        bigint NOT NULL,
    department text   NOT NULL,
    region     text   NOT NULL,
    priority   text   NOT NULL,
    touched             bigint NOT NULL DEFAULT 0,
    created             bigint NOT NULL DEFAULT 0,
    complaints          bigint NOT NULL DEFAULT 0,
    resolved            bigint NOT NULL DEFAULT 0,
    resolve_ms          bigint NOT NULL DEFAULT 0,
    resolution_met      bigint NOT NULL DEFAULT 0,
    fix_eligible        bigint NOT NULL DEFAULT 0,
    fixed_first_time    bigint NOT NULL DEFAULT 0,
    reopened            bigint NOT NULL DEFAULT 0,
    response_met        bigint NOT NULL DEFAULT 0,
    response_breached   bigint NOT NULL DEFAULT 0,
    resolution_breached bigint NOT NULL DEFAULT 0,
    survey_answers      bigint NOT NULL DEFAULT 0,
    survey_satisfied    bigint NOT NULL DEFAULT 0,
    promoters           bigint NOT NULL DEFAULT 0,
    detractors          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, day, department, region, priority)
);

CREATE TABLE IF NOT EXISTS case_kpi_technician_day
(
    service_id text   NOT NULL,
    day        bigint NOT NULL,
    department text   NOT NULL,
    region     text   NOT NULL,
    technician text   NOT NULL,
    cases      bigint NOT NULL DEFAULT 0,
    visits     bigint NOT NULL DEFAULT 0,
    minutes    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, day, department, region, technician)
);

CREATE TABLE IF NOT EXISTS case_kpi_open
(
    service_id  text   NOT NULL,
    created_key bigint NOT NULL,
    department  text   NOT NULL,
    region      text   NOT NULL,
    priority    text   NOT NULL,
    status      text   NOT NULL,
    cases       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, created_key, department, region, priority, status)
);

CREATE OR REPLACE FUNCTION case_kpi_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.created_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), -(1), -(OLD.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        WHERE OLD.created_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.created_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), +(1), +(NEW.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        WHERE NEW.created_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_created_on_write ON case_list;
CREATE TRIGGER case_kpi_created_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_created();
DROP TRIGGER IF EXISTS case_kpi_created_on_update ON case_list;
CREATE TRIGGER case_kpi_created_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.created_ticks IS DISTINCT FROM NEW.created_ticks OR OLD.complaint_count IS DISTINCT FROM NEW.complaint_count)
    EXECUTE FUNCTION case_kpi_created();

CREATE OR REPLACE FUNCTION case_kpi_resolved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.resolved_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, -(1), -((OLD.resolved_ticks - OLD.created_ticks) / 10000), -((OLD.resolution_breach_ticks IS NULL)::int), -((OLD.visit_count > 0)::int), -((OLD.visit_count = 1 AND OLD.first_visit_fixed = 1 AND OLD.reopen_count = 0)::int), -((OLD.reopen_count > 0)::int), 0, 0, 0, 0, 0, 0, 0
        WHERE OLD.resolved_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.resolved_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, +(1), +((NEW.resolved_ticks - NEW.created_ticks) / 10000), +((NEW.resolution_breach_ticks IS NULL)::int), +((NEW.visit_count > 0)::int), +((NEW.visit_count = 1 AND NEW.first_visit_fixed = 1 AND NEW.reopen_count = 0)::int), +((NEW.reopen_count > 0)::int), 0, 0, 0, 0, 0, 0, 0
        WHERE NEW.resolved_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_resolved_on_write ON case_list;
CREATE TRIGGER case_kpi_resolved_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_resolved();
DROP TRIGGER IF EXISTS case_kpi_resolved_on_update ON case_list;
CREATE TRIGGER case_kpi_resolved_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.resolved_ticks IS DISTINCT FROM NEW.resolved_ticks OR OLD.created_ticks IS DISTINCT FROM NEW.created_ticks OR OLD.resolution_breach_ticks IS DISTINCT FROM NEW.resolution_breach_ticks OR OLD.visit_count IS DISTINCT FROM NEW.visit_count OR OLD.first_visit_fixed IS DISTINCT FROM NEW.first_visit_fixed OR OLD.reopen_count IS DISTINCT FROM NEW.reopen_count)
    EXECUTE FUNCTION case_kpi_resolved();

CREATE OR REPLACE FUNCTION case_kpi_first_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.first_response_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, -((OLD.response_breach_ticks IS NULL)::int), 0, 0, 0, 0, 0, 0
        WHERE OLD.first_response_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.first_response_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, +((NEW.response_breach_ticks IS NULL)::int), 0, 0, 0, 0, 0, 0
        WHERE NEW.first_response_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_first_response_on_write ON case_list;
CREATE TRIGGER case_kpi_first_response_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_first_response();
DROP TRIGGER IF EXISTS case_kpi_first_response_on_update ON case_list;
CREATE TRIGGER case_kpi_first_response_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.first_response_ticks IS DISTINCT FROM NEW.first_response_ticks OR OLD.response_breach_ticks IS DISTINCT FROM NEW.response_breach_ticks)
    EXECUTE FUNCTION case_kpi_first_response();

CREATE OR REPLACE FUNCTION case_kpi_response_breach() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.response_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0, 0
        WHERE OLD.response_breach_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.response_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0, 0
        WHERE NEW.response_breach_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_response_breach_on_write ON case_list;
CREATE TRIGGER case_kpi_response_breach_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_response_breach();
DROP TRIGGER IF EXISTS case_kpi_response_breach_on_update ON case_list;
CREATE TRIGGER case_kpi_response_breach_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.response_breach_ticks IS DISTINCT FROM NEW.response_breach_ticks)
    EXECUTE FUNCTION case_kpi_response_breach();

CREATE OR REPLACE FUNCTION case_kpi_resolution_breach() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.resolution_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0
        WHERE OLD.resolution_breach_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.resolution_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0
        WHERE NEW.resolution_breach_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_resolution_breach_on_write ON case_list;
CREATE TRIGGER case_kpi_resolution_breach_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_resolution_breach();
DROP TRIGGER IF EXISTS case_kpi_resolution_breach_on_update ON case_list;
CREATE TRIGGER case_kpi_resolution_breach_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.resolution_breach_ticks IS DISTINCT FROM NEW.resolution_breach_ticks)
    EXECUTE FUNCTION case_kpi_resolution_breach();

CREATE OR REPLACE FUNCTION case_kpi_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT OLD.service_id, OLD.last_survey_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(OLD.survey_answers), -(OLD.survey_satisfied), -(OLD.nps_promoters), -(OLD.nps_detractors)
        WHERE OLD.last_survey_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
        SELECT NEW.service_id, NEW.last_survey_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(NEW.survey_answers), +(NEW.survey_satisfied), +(NEW.nps_promoters), +(NEW.nps_detractors)
        WHERE NEW.last_survey_ticks IS NOT NULL
        ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_survey_on_write ON case_list;
CREATE TRIGGER case_kpi_survey_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_survey();
DROP TRIGGER IF EXISTS case_kpi_survey_on_update ON case_list;
CREATE TRIGGER case_kpi_survey_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.last_survey_ticks IS DISTINCT FROM NEW.last_survey_ticks OR OLD.survey_answers IS DISTINCT FROM NEW.survey_answers OR OLD.survey_satisfied IS DISTINCT FROM NEW.survey_satisfied OR OLD.nps_promoters IS DISTINCT FROM NEW.nps_promoters OR OLD.nps_detractors IS DISTINCT FROM NEW.nps_detractors)
    EXECUTE FUNCTION case_kpi_survey();

CREATE OR REPLACE FUNCTION case_kpi_technician() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
        SELECT OLD.service_id, OLD.last_visit_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), OLD.assignee_id, -1, -(OLD.visit_count), -(OLD.visit_minutes)
        WHERE OLD.last_visit_ticks IS NOT NULL AND OLD.assignee_id IS NOT NULL
        ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = case_kpi_technician_day.cases + excluded.cases, visits = case_kpi_technician_day.visits + excluded.visits, minutes = case_kpi_technician_day.minutes + excluded.minutes;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
        SELECT NEW.service_id, NEW.last_visit_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), NEW.assignee_id, +1, +(NEW.visit_count), +(NEW.visit_minutes)
        WHERE NEW.last_visit_ticks IS NOT NULL AND NEW.assignee_id IS NOT NULL
        ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = case_kpi_technician_day.cases + excluded.cases, visits = case_kpi_technician_day.visits + excluded.visits, minutes = case_kpi_technician_day.minutes + excluded.minutes;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_technician_on_write ON case_list;
CREATE TRIGGER case_kpi_technician_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_technician();
DROP TRIGGER IF EXISTS case_kpi_technician_on_update ON case_list;
CREATE TRIGGER case_kpi_technician_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.last_visit_ticks IS DISTINCT FROM NEW.last_visit_ticks OR OLD.visit_count IS DISTINCT FROM NEW.visit_count OR OLD.visit_minutes IS DISTINCT FROM NEW.visit_minutes)
    EXECUTE FUNCTION case_kpi_technician();

CREATE OR REPLACE FUNCTION case_kpi_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
        SELECT OLD.service_id, 2 * (OLD.created_ticks / 864000000000) + (OLD.created_ticks % 864000000000 <> 0)::int, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), OLD.status, -1
        WHERE OLD.resolved_ticks IS NULL AND OLD.status <> 'cancelled'
        ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = case_kpi_open.cases + excluded.cases;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
        SELECT NEW.service_id, 2 * (NEW.created_ticks / 864000000000) + (NEW.created_ticks % 864000000000 <> 0)::int, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), NEW.status, +1
        WHERE NEW.resolved_ticks IS NULL AND NEW.status <> 'cancelled'
        ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = case_kpi_open.cases + excluded.cases;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS case_kpi_open_on_write ON case_list;
CREATE TRIGGER case_kpi_open_on_write AFTER INSERT OR DELETE ON case_list FOR EACH ROW EXECUTE FUNCTION case_kpi_open();
DROP TRIGGER IF EXISTS case_kpi_open_on_update ON case_list;
CREATE TRIGGER case_kpi_open_on_update AFTER UPDATE ON case_list FOR EACH ROW
    WHEN (OLD.department IS DISTINCT FROM NEW.department OR OLD.region IS DISTINCT FROM NEW.region OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.status IS DISTINCT FROM NEW.status OR OLD.created_ticks IS DISTINCT FROM NEW.created_ticks OR OLD.resolved_ticks IS DISTINCT FROM NEW.resolved_ticks)
    EXECUTE FUNCTION case_kpi_open();

-- The buckets of the rows already stored, recomputed from them.
DELETE FROM case_kpi_day;
DELETE FROM case_kpi_technician_day;
DELETE FROM case_kpi_open;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.created_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), sum(1), sum(r.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM case_list r WHERE r.created_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.resolved_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), 0, 0, sum(1), sum((r.resolved_ticks - r.created_ticks) / 10000), sum((r.resolution_breach_ticks IS NULL)::int), sum((r.visit_count > 0)::int), sum((r.visit_count = 1 AND r.first_visit_fixed = 1 AND r.reopen_count = 0)::int), sum((r.reopen_count > 0)::int), 0, 0, 0, 0, 0, 0, 0
FROM case_list r WHERE r.resolved_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.first_response_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), 0, 0, 0, 0, 0, 0, 0, 0, sum((r.response_breach_ticks IS NULL)::int), 0, 0, 0, 0, 0, 0
FROM case_list r WHERE r.first_response_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.response_breach_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(1), 0, 0, 0, 0, 0
FROM case_list r WHERE r.response_breach_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.resolution_breach_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(1), 0, 0, 0, 0
FROM case_list r WHERE r.resolution_breach_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
SELECT r.service_id, r.last_survey_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), sum(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(r.survey_answers), sum(r.survey_satisfied), sum(r.nps_promoters), sum(r.nps_detractors)
FROM case_list r WHERE r.last_survey_ticks IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = case_kpi_day.touched + excluded.touched, created = case_kpi_day.created + excluded.created, complaints = case_kpi_day.complaints + excluded.complaints, resolved = case_kpi_day.resolved + excluded.resolved, resolve_ms = case_kpi_day.resolve_ms + excluded.resolve_ms, resolution_met = case_kpi_day.resolution_met + excluded.resolution_met, fix_eligible = case_kpi_day.fix_eligible + excluded.fix_eligible, fixed_first_time = case_kpi_day.fixed_first_time + excluded.fixed_first_time, reopened = case_kpi_day.reopened + excluded.reopened, response_met = case_kpi_day.response_met + excluded.response_met, response_breached = case_kpi_day.response_breached + excluded.response_breached, resolution_breached = case_kpi_day.resolution_breached + excluded.resolution_breached, survey_answers = case_kpi_day.survey_answers + excluded.survey_answers, survey_satisfied = case_kpi_day.survey_satisfied + excluded.survey_satisfied, promoters = case_kpi_day.promoters + excluded.promoters, detractors = case_kpi_day.detractors + excluded.detractors;
INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
SELECT r.service_id, r.last_visit_ticks / 864000000000, coalesce(r.department, ''), coalesce(r.region, ''), r.assignee_id, count(*), sum(r.visit_count), sum(r.visit_minutes)
FROM case_list r WHERE r.last_visit_ticks IS NOT NULL AND r.assignee_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
SELECT r.service_id, 2 * (r.created_ticks / 864000000000) + (r.created_ticks % 864000000000 <> 0)::int, coalesce(r.department, ''), coalesce(r.region, ''), coalesce(r.priority, ''), r.status, count(*)
FROM case_list r WHERE r.resolved_ticks IS NULL AND r.status <> 'cancelled' GROUP BY 1, 2, 3, 4, 5, 6;
