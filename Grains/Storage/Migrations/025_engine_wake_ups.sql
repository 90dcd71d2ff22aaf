-- 025: a job's run columns are no longer indexed, so that the task engine's update of a run (claim, completion) is a
-- heap-only (HOT) update: PostgreSQL writes the row's new version on the same page and no index entry, where it wrote
-- one in each of the table's indexes before (docs/jobs.md, "How it is built"). What the partial indexes of migrations
-- 006, 020 and 021 answered is asked of one row per organization instead: a moment no later than anything its task
-- engine must next be awake for (a running job counts from its start, a queued one from its due time, a waiting one
-- at its next run). Writes only lower it, in the transaction of the change that needs it; the engine recomputes it
-- when nothing is queued or running.
CREATE TABLE task_engine_wake_ups
(
    organization_id bigint      PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    wake_at         timestamptz NOT NULL
);
CREATE INDEX ix_task_engine_wake_ups_at ON task_engine_wake_ups (wake_at);

INSERT INTO task_engine_wake_ups (organization_id, wake_at)
SELECT organization_id, min(at)
  FROM (SELECT organization_id, CASE WHEN status = 'in_progress' THEN started_at WHEN status = 'queued' THEN coalesce(next_run_at, now()) ELSE next_run_at END AS at
          FROM gather_jobs
        UNION ALL
        SELECT organization_id, CASE WHEN status = 'in_progress' THEN started_at WHEN parse_type = 'manual' THEN NULL WHEN status = 'queued' THEN coalesce(next_run_at, now()) ELSE next_run_at END
          FROM scrape_jobs
        UNION ALL
        SELECT organization_id, CASE WHEN status = 'in_progress' THEN started_at WHEN status = 'queued' THEN coalesce(next_run_at, now()) ELSE next_run_at END
          FROM helm_sync_jobs) AS moments
 WHERE at IS NOT NULL
 GROUP BY organization_id;

DROP INDEX ix_gather_jobs_due, ix_scrape_jobs_due, ix_helm_sync_jobs_due,
           ix_gather_jobs_waiting, ix_scrape_jobs_waiting, ix_helm_sync_jobs_waiting,
           ix_gather_jobs_lease_expiry, ix_scrape_jobs_lease_expiry, ix_helm_sync_jobs_lease_expiry,
           ix_gather_jobs_lease_agent, ix_scrape_jobs_lease_agent, ix_helm_sync_jobs_lease_agent;

-- Room on each page for its rows' next versions (pages written from now on): when the jobs of a page are claimed and
-- completed together, as jobs due at the same minute are, a fuller page leaves no room and the update is not heap-only.
ALTER TABLE gather_jobs SET (fillfactor = 50);
ALTER TABLE scrape_jobs SET (fillfactor = 50);
ALTER TABLE helm_sync_jobs SET (fillfactor = 50);
