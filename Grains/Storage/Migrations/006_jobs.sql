-- 006: the three kinds of job. Each row is owned by its job grain; the task engine (a later migration adds
-- its lease columns) moves status between pending, queued, in_progress, completed and failed.

CREATE TABLE gather_jobs
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    source_type     text        NOT NULL CHECK (source_type IN ('github_releases', 'helm_repository', 'oci_registry')),
    artifact_name   text        NOT NULL,
    credential_name text        NULL,
    tag_filter      text        NULL,
    schedule        text        NULL,                       -- 5-field cron, UTC; NULL = run once
    labels          jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'in_progress', 'completed', 'failed')),
    next_run_at     timestamptz NULL,
    last_run_at     timestamptz NULL,
    last_error      text        NULL,
    attempt         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_gather_jobs_org ON gather_jobs (organization_id, id);
CREATE INDEX ix_gather_jobs_due ON gather_jobs (next_run_at) WHERE status IN ('pending', 'queued');

CREATE TABLE scrape_jobs
(
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    repository_url   text        NULL,                      -- NULL for manual jobs
    ref              text        NOT NULL DEFAULT 'main',
    target_file      text        NULL,
    parse_type       text        NOT NULL CHECK (parse_type IN ('yq', 'jq', 'regex', 'manual')),
    parse_expression text        NULL,
    credential_name  text        NULL,
    schedule         text        NULL,
    version_transform text       NOT NULL DEFAULT 'none' CHECK (version_transform IN ('none', 'add_v_lower', 'add_v_upper', 'strip_v_lower', 'strip_v_upper')),
    history_limit    integer     NOT NULL DEFAULT 10 CHECK (history_limit BETWEEN 1 AND 20),
    labels           jsonb       NOT NULL DEFAULT '{}',
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'in_progress', 'completed', 'failed')),
    next_run_at      timestamptz NULL,
    last_run_at      timestamptz NULL,
    last_error       text        NULL,
    attempt          integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_scrape_jobs_org ON scrape_jobs (organization_id, id);
CREATE INDEX ix_scrape_jobs_due ON scrape_jobs (next_run_at) WHERE status IN ('pending', 'queued');

CREATE TABLE helm_sync_jobs
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    repository_url  text        NOT NULL,
    chart_filter    text        NULL,
    credential_name text        NULL,
    schedule        text        NULL,
    labels          jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'in_progress', 'completed', 'failed')),
    next_run_at     timestamptz NULL,
    last_run_at     timestamptz NULL,
    last_error      text        NULL,
    attempt         integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_helm_sync_jobs_org ON helm_sync_jobs (organization_id, id);
CREATE INDEX ix_helm_sync_jobs_due ON helm_sync_jobs (next_run_at) WHERE status IN ('pending', 'queued');
