-- 020: task_executions is written once per run, when it ends (docs/jobs.md, "Leases and recovery"); a running task
-- is found by its job's lease columns instead, by agent (agent grains after a reactivation, the agents pages).
CREATE INDEX ix_gather_jobs_lease_agent ON gather_jobs (lease_agent_id) WHERE lease_agent_id IS NOT NULL;
CREATE INDEX ix_scrape_jobs_lease_agent ON scrape_jobs (lease_agent_id) WHERE lease_agent_id IS NOT NULL;
CREATE INDEX ix_helm_sync_jobs_lease_agent ON helm_sync_jobs (lease_agent_id) WHERE lease_agent_id IS NOT NULL;
