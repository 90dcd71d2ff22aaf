-- 017: what the last evaluation of each alert config found, for the drift table (docs/rules-and-alerts.md, "Drift").
-- Expand-only: nullable columns the previous release neither reads nor writes.

ALTER TABLE alert_configs
    ADD COLUMN evaluation_outcome text   NULL,
    ADD COLUMN deployed_version   text   NULL,
    ADD COLUMN latest_version     text   NULL,
    ADD COLUMN behind_by          bigint NULL;
