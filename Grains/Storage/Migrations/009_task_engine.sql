-- 009: the task engine. Each organization's TaskEngineGrain is the only writer of a job's run columns
-- (status, next_run_at, last_run_at, last_error, attempt and the lease); it guards them with run_version,
-- separate from the definition's version that the job grain owns, so the two writers never overwrite each other.

ALTER TABLE gather_jobs
    ADD COLUMN lease_id         bigint      NULL,
    ADD COLUMN lease_agent_id   bigint      NULL,
    ADD COLUMN lease_expires_at timestamptz NULL,
    ADD COLUMN started_at       timestamptz NULL,
    ADD COLUMN run_version      integer     NOT NULL DEFAULT 1;

ALTER TABLE scrape_jobs
    ADD COLUMN lease_id         bigint      NULL,
    ADD COLUMN lease_agent_id   bigint      NULL,
    ADD COLUMN lease_expires_at timestamptz NULL,
    ADD COLUMN started_at       timestamptz NULL,
    ADD COLUMN run_version      integer     NOT NULL DEFAULT 1;

ALTER TABLE helm_sync_jobs
    ADD COLUMN lease_id         bigint      NULL,
    ADD COLUMN lease_agent_id   bigint      NULL,
    ADD COLUMN lease_expires_at timestamptz NULL,
    ADD COLUMN started_at       timestamptz NULL,
    ADD COLUMN run_version      integer     NOT NULL DEFAULT 1;

-- One row per run of a job by an agent. Ids come from a sequence the engine reserves in blocks, so a claim's
-- task id is known before the claim is written (one statement for many claims).
CREATE SEQUENCE task_execution_ids;

CREATE TABLE task_executions
(
    id              bigint PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    job_kind        text        NOT NULL CHECK (job_kind IN ('gather_job', 'scrape_job', 'helm_sync_job')),
    job_id          bigint      NOT NULL,
    agent_id        bigint      NOT NULL,
    attempt         integer     NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz NULL,
    outcome         text        NULL CHECK (outcome IN ('succeeded', 'failed', 'retrying', 'lease_expired', 'agent_offline', 'reset')),
    error           text        NULL,
    duration_ms     bigint      NULL
);
CREATE INDEX ix_task_executions_job ON task_executions (organization_id, job_kind, job_id, id DESC);
CREATE INDEX ix_task_executions_running ON task_executions (agent_id) WHERE finished_at IS NULL;

-- Upstream versions found by gather jobs.
CREATE TABLE releases
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    gather_job_id   bigint      NOT NULL REFERENCES gather_jobs (id) ON DELETE CASCADE,
    version         text        NOT NULL,
    released_at     timestamptz NULL,
    prerelease      boolean     NOT NULL DEFAULT false,
    app_version     text        NULL,
    digest          text        NULL,
    found_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (gather_job_id, version)
);
CREATE INDEX ix_releases_org ON releases (organization_id, id);

-- The charts a helm sync job found in its repository index at its last run.
CREATE TABLE helm_sync_charts
(
    helm_sync_job_id bigint      NOT NULL REFERENCES helm_sync_jobs (id) ON DELETE CASCADE,
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    latest_version   text        NULL,
    app_version      text        NULL,
    found_at         timestamptz NOT NULL,
    PRIMARY KEY (helm_sync_job_id, name)
);
