-- 021: idle task engines are collected and activated again before their next job is due (docs/jobs.md, "How it is
-- built"): the wake-up scan asks, every few seconds, which organizations have a job waiting for a next run soon or a
-- lease ending soon.
CREATE INDEX ix_gather_jobs_waiting ON gather_jobs (next_run_at) WHERE status IN ('pending', 'completed', 'failed');
CREATE INDEX ix_scrape_jobs_waiting ON scrape_jobs (next_run_at) WHERE status IN ('pending', 'completed', 'failed');
CREATE INDEX ix_helm_sync_jobs_waiting ON helm_sync_jobs (next_run_at) WHERE status IN ('pending', 'completed', 'failed');
CREATE INDEX ix_gather_jobs_lease_expiry ON gather_jobs (lease_expires_at) WHERE status = 'in_progress';
CREATE INDEX ix_scrape_jobs_lease_expiry ON scrape_jobs (lease_expires_at) WHERE status = 'in_progress';
CREATE INDEX ix_helm_sync_jobs_lease_expiry ON helm_sync_jobs (lease_expires_at) WHERE status = 'in_progress';
