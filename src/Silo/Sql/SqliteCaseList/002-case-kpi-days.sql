-- KPI day buckets (docs/KPIS.md "How the figures are kept"): what GET /api/kpis sums, kept per UTC day by triggers on
-- case_list, so a KPI read adds up at most a few rows per day and dimension instead of every case of the period. Each
-- case contributes to the day of each of its instants (opened, resolved, first response, breaches, last survey, last
-- visit) what the definition (KpiRowSums) counts at that instant; a change to a row takes its old contribution away and
-- adds the new one, in the transaction of the row's write, so the buckets always equal the sums over the rows (and a
-- rebuild, which deletes and rewrites the rows, rebuilds them). Dimensions are '' where the row has NULL (a key column
-- must not be NULL for the upsert to find it). `touched` counts the row's instants in the day: a priority shows in the
-- period's flow when one of its cases has an instant in it. Days are UTC ticks / 864000000000.
CREATE TABLE IF NOT EXISTS case_kpi_day
(
    service_id TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    department TEXT    NOT NULL,
    region     TEXT    NOT NULL,
    priority   TEXT    NOT NULL,
    touched             INTEGER NOT NULL DEFAULT 0,
    created             INTEGER NOT NULL DEFAULT 0,
    complaints          INTEGER NOT NULL DEFAULT 0,
    resolved            INTEGER NOT NULL DEFAULT 0,
    resolve_ms          INTEGER NOT NULL DEFAULT 0,
    resolution_met      INTEGER NOT NULL DEFAULT 0,
    fix_eligible        INTEGER NOT NULL DEFAULT 0,
    fixed_first_time    INTEGER NOT NULL DEFAULT 0,
    reopened            INTEGER NOT NULL DEFAULT 0,
    response_met        INTEGER NOT NULL DEFAULT 0,
    response_breached   INTEGER NOT NULL DEFAULT 0,
    resolution_breached INTEGER NOT NULL DEFAULT 0,
    survey_answers      INTEGER NOT NULL DEFAULT 0,
    survey_satisfied    INTEGER NOT NULL DEFAULT 0,
    promoters           INTEGER NOT NULL DEFAULT 0,
    detractors          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, day, department, region, priority)
) WITHOUT ROWID;

-- Per technician and day of a case's last visit: the visits and minutes on site of the cases they hold.
CREATE TABLE IF NOT EXISTS case_kpi_technician_day
(
    service_id TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    department TEXT    NOT NULL,
    region     TEXT    NOT NULL,
    technician TEXT    NOT NULL,
    cases      INTEGER NOT NULL DEFAULT 0,
    visits     INTEGER NOT NULL DEFAULT 0,
    minutes    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, day, department, region, technician)
) WITHOUT ROWID;

-- The open cases (not resolved, not cancelled) by when they were opened: created_key = 2 × the UTC day + 1 unless
-- opened exactly at midnight, so that at a midnight `to` both "opened before to" and "at least N days old" are
-- comparisons of the key (docs/KPIS.md).
CREATE TABLE IF NOT EXISTS case_kpi_open
(
    service_id  TEXT    NOT NULL,
    created_key INTEGER NOT NULL,
    department  TEXT    NOT NULL,
    region      TEXT    NOT NULL,
    priority    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    cases       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, created_key, department, region, priority, status)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS case_kpi_on_insert AFTER INSERT ON case_list
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.created_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), +(1), +(NEW.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    WHERE NEW.created_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.resolved_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, +(1), +((NEW.resolved_ticks - NEW.created_ticks) / 10000), +((NEW.resolution_breach_ticks IS NULL)), +((NEW.visit_count > 0)), +((NEW.visit_count = 1 AND NEW.first_visit_fixed = 1 AND NEW.reopen_count = 0)), +((NEW.reopen_count > 0)), 0, 0, 0, 0, 0, 0, 0
    WHERE NEW.resolved_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.first_response_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, +((NEW.response_breach_ticks IS NULL)), 0, 0, 0, 0, 0, 0
    WHERE NEW.first_response_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.response_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0, 0
    WHERE NEW.response_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.resolution_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0
    WHERE NEW.resolution_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.last_survey_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(NEW.survey_answers), +(NEW.survey_satisfied), +(NEW.nps_promoters), +(NEW.nps_detractors)
    WHERE NEW.last_survey_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
    SELECT NEW.service_id, NEW.last_visit_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), NEW.assignee_id, +1, +(NEW.visit_count), +(NEW.visit_minutes)
    WHERE NEW.last_visit_ticks IS NOT NULL AND NEW.assignee_id IS NOT NULL
    ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = cases + excluded.cases, visits = visits + excluded.visits, minutes = minutes + excluded.minutes;
    INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
    SELECT NEW.service_id, 2 * (NEW.created_ticks / 864000000000) + (NEW.created_ticks % 864000000000 <> 0), coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), NEW.status, +1
    WHERE NEW.resolved_ticks IS NULL AND NEW.status <> 'cancelled'
    ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = cases + excluded.cases;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_on_delete AFTER DELETE ON case_list
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.created_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), -(1), -(OLD.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    WHERE OLD.created_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.resolved_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, -(1), -((OLD.resolved_ticks - OLD.created_ticks) / 10000), -((OLD.resolution_breach_ticks IS NULL)), -((OLD.visit_count > 0)), -((OLD.visit_count = 1 AND OLD.first_visit_fixed = 1 AND OLD.reopen_count = 0)), -((OLD.reopen_count > 0)), 0, 0, 0, 0, 0, 0, 0
    WHERE OLD.resolved_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.first_response_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, -((OLD.response_breach_ticks IS NULL)), 0, 0, 0, 0, 0, 0
    WHERE OLD.first_response_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.response_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0, 0
    WHERE OLD.response_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.resolution_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0
    WHERE OLD.resolution_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.last_survey_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(OLD.survey_answers), -(OLD.survey_satisfied), -(OLD.nps_promoters), -(OLD.nps_detractors)
    WHERE OLD.last_survey_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
    SELECT OLD.service_id, OLD.last_visit_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), OLD.assignee_id, -1, -(OLD.visit_count), -(OLD.visit_minutes)
    WHERE OLD.last_visit_ticks IS NOT NULL AND OLD.assignee_id IS NOT NULL
    ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = cases + excluded.cases, visits = visits + excluded.visits, minutes = minutes + excluded.minutes;
    INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
    SELECT OLD.service_id, 2 * (OLD.created_ticks / 864000000000) + (OLD.created_ticks % 864000000000 <> 0), coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), OLD.status, -1
    WHERE OLD.resolved_ticks IS NULL AND OLD.status <> 'cancelled'
    ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = cases + excluded.cases;
END;

-- An update moves only the contributions whose inputs changed (most events change none of them).
CREATE TRIGGER IF NOT EXISTS case_kpi_created_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.created_ticks IS NOT NEW.created_ticks OR OLD.complaint_count IS NOT NEW.complaint_count
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.created_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), -(1), -(OLD.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    WHERE OLD.created_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.created_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), +(1), +(NEW.complaint_count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    WHERE NEW.created_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_resolved_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.resolved_ticks IS NOT NEW.resolved_ticks OR OLD.created_ticks IS NOT NEW.created_ticks OR OLD.resolution_breach_ticks IS NOT NEW.resolution_breach_ticks OR OLD.visit_count IS NOT NEW.visit_count OR OLD.first_visit_fixed IS NOT NEW.first_visit_fixed OR OLD.reopen_count IS NOT NEW.reopen_count
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.resolved_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, -(1), -((OLD.resolved_ticks - OLD.created_ticks) / 10000), -((OLD.resolution_breach_ticks IS NULL)), -((OLD.visit_count > 0)), -((OLD.visit_count = 1 AND OLD.first_visit_fixed = 1 AND OLD.reopen_count = 0)), -((OLD.reopen_count > 0)), 0, 0, 0, 0, 0, 0, 0
    WHERE OLD.resolved_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.resolved_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, +(1), +((NEW.resolved_ticks - NEW.created_ticks) / 10000), +((NEW.resolution_breach_ticks IS NULL)), +((NEW.visit_count > 0)), +((NEW.visit_count = 1 AND NEW.first_visit_fixed = 1 AND NEW.reopen_count = 0)), +((NEW.reopen_count > 0)), 0, 0, 0, 0, 0, 0, 0
    WHERE NEW.resolved_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_first_response_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.first_response_ticks IS NOT NEW.first_response_ticks OR OLD.response_breach_ticks IS NOT NEW.response_breach_ticks
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.first_response_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, -((OLD.response_breach_ticks IS NULL)), 0, 0, 0, 0, 0, 0
    WHERE OLD.first_response_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.first_response_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, +((NEW.response_breach_ticks IS NULL)), 0, 0, 0, 0, 0, 0
    WHERE NEW.first_response_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_response_breach_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.response_breach_ticks IS NOT NEW.response_breach_ticks
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.response_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0, 0
    WHERE OLD.response_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.response_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0, 0
    WHERE NEW.response_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_resolution_breach_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.resolution_breach_ticks IS NOT NEW.resolution_breach_ticks
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.resolution_breach_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(1), 0, 0, 0, 0
    WHERE OLD.resolution_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.resolution_breach_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(1), 0, 0, 0, 0
    WHERE NEW.resolution_breach_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_survey_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.last_survey_ticks IS NOT NEW.last_survey_ticks OR OLD.survey_answers IS NOT NEW.survey_answers OR OLD.survey_satisfied IS NOT NEW.survey_satisfied OR OLD.nps_promoters IS NOT NEW.nps_promoters OR OLD.nps_detractors IS NOT NEW.nps_detractors
BEGIN
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT OLD.service_id, OLD.last_survey_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), -(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -(OLD.survey_answers), -(OLD.survey_satisfied), -(OLD.nps_promoters), -(OLD.nps_detractors)
    WHERE OLD.last_survey_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
    INSERT INTO case_kpi_day (service_id, day, department, region, priority, touched, created, complaints, resolved, resolve_ms, resolution_met, fix_eligible, fixed_first_time, reopened, response_met, response_breached, resolution_breached, survey_answers, survey_satisfied, promoters, detractors)
    SELECT NEW.service_id, NEW.last_survey_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), +(1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, +(NEW.survey_answers), +(NEW.survey_satisfied), +(NEW.nps_promoters), +(NEW.nps_detractors)
    WHERE NEW.last_survey_ticks IS NOT NULL
    ON CONFLICT (service_id, day, department, region, priority) DO UPDATE SET touched = touched + excluded.touched, created = created + excluded.created, complaints = complaints + excluded.complaints, resolved = resolved + excluded.resolved, resolve_ms = resolve_ms + excluded.resolve_ms, resolution_met = resolution_met + excluded.resolution_met, fix_eligible = fix_eligible + excluded.fix_eligible, fixed_first_time = fixed_first_time + excluded.fixed_first_time, reopened = reopened + excluded.reopened, response_met = response_met + excluded.response_met, response_breached = response_breached + excluded.response_breached, resolution_breached = resolution_breached + excluded.resolution_breached, survey_answers = survey_answers + excluded.survey_answers, survey_satisfied = survey_satisfied + excluded.survey_satisfied, promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_technician_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.last_visit_ticks IS NOT NEW.last_visit_ticks OR OLD.visit_count IS NOT NEW.visit_count OR OLD.visit_minutes IS NOT NEW.visit_minutes
BEGIN
    INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
    SELECT OLD.service_id, OLD.last_visit_ticks / 864000000000, coalesce(OLD.department, ''), coalesce(OLD.region, ''), OLD.assignee_id, -1, -(OLD.visit_count), -(OLD.visit_minutes)
    WHERE OLD.last_visit_ticks IS NOT NULL AND OLD.assignee_id IS NOT NULL
    ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = cases + excluded.cases, visits = visits + excluded.visits, minutes = minutes + excluded.minutes;
    INSERT INTO case_kpi_technician_day (service_id, day, department, region, technician, cases, visits, minutes)
    SELECT NEW.service_id, NEW.last_visit_ticks / 864000000000, coalesce(NEW.department, ''), coalesce(NEW.region, ''), NEW.assignee_id, +1, +(NEW.visit_count), +(NEW.visit_minutes)
    WHERE NEW.last_visit_ticks IS NOT NULL AND NEW.assignee_id IS NOT NULL
    ON CONFLICT (service_id, day, department, region, technician) DO UPDATE SET cases = cases + excluded.cases, visits = visits + excluded.visits, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER IF NOT EXISTS case_kpi_open_on_update AFTER UPDATE ON case_list
WHEN OLD.department IS NOT NEW.department OR OLD.region IS NOT NEW.region OR OLD.priority IS NOT NEW.priority OR OLD.status IS NOT NEW.status OR OLD.created_ticks IS NOT NEW.created_ticks OR OLD.resolved_ticks IS NOT NEW.resolved_ticks
BEGIN
    INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
    SELECT OLD.service_id, 2 * (OLD.created_ticks / 864000000000) + (OLD.created_ticks % 864000000000 <> 0), coalesce(OLD.department, ''), coalesce(OLD.region, ''), coalesce(OLD.priority, ''), OLD.status, -1
    WHERE OLD.resolved_ticks IS NULL AND OLD.status <> 'cancelled'
    ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = cases + excluded.cases;
    INSERT INTO case_kpi_open (service_id, created_key, department, region, priority, status, cases)
    SELECT NEW.service_id, 2 * (NEW.created_ticks / 864000000000) + (NEW.created_ticks % 864000000000 <> 0), coalesce(NEW.department, ''), coalesce(NEW.region, ''), coalesce(NEW.priority, ''), NEW.status, +1
    WHERE NEW.resolved_ticks IS NULL AND NEW.status <> 'cancelled'
    ON CONFLICT (service_id, created_key, department, region, priority, status) DO UPDATE SET cases = cases + excluded.cases;
END;
