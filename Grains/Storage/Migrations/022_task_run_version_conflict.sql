-- 022: the task engine's write is one implicit transaction without a COMMIT round trip of its own (docs/jobs.md, "How
-- it is built"), so a job row changed meanwhile by someone else must fail the write inside the database: the run-state
-- statement calls this when it updated fewer rows than it expected, which rolls the whole batch back.
CREATE FUNCTION task_run_version_conflict(job_kind text, missing bigint) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% % row(s) changed or deleted meanwhile', missing, job_kind USING ERRCODE = 'PKRV1';
END
$$;
