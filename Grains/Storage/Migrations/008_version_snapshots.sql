-- 008: the deployed versions a scrape job found (or was told, for manual jobs), newest history_limit kept.

CREATE TABLE version_snapshots
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scrape_job_id   bigint      NOT NULL REFERENCES scrape_jobs (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    version         text        NOT NULL,
    found_at        timestamptz NOT NULL,
    commit_sha      text        NULL,
    source          text        NOT NULL CHECK (source IN ('manual', 'agent'))
);
CREATE INDEX ix_version_snapshots_job ON version_snapshots (scrape_job_id, id DESC);
