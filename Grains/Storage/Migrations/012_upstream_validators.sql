-- 012: what a gather job's upstream last said identifies its answer (ETag / Last-Modified). The task engine writes
-- them with each completed run and hands them to the next run's agent for a conditional request.

ALTER TABLE gather_jobs
    ADD COLUMN upstream_etag          text        NULL,
    ADD COLUMN upstream_last_modified timestamptz NULL;
