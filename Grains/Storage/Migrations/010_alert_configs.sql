-- 010: monitoring rules and alert configs (SPEC §1, §3). An alert config links one scrape job, one gather job
-- and one rule of its organization; a job or rule an alert config uses cannot be deleted (the API answers 409
-- naming the configs; the foreign keys hold the line too). Evaluation and alerts arrive with their own migration.

CREATE TABLE monitoring_rules
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    rule_type       text        NOT NULL CHECK (rule_type IN ('days_behind', 'majors_behind', 'minors_behind')),
    moderate        integer     NOT NULL CHECK (moderate >= 0),
    high            integer     NOT NULL CHECK (high >= moderate),
    critical        integer     NOT NULL CHECK (critical >= high),
    stable_only     boolean     NOT NULL DEFAULT true,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_monitoring_rules_org ON monitoring_rules (organization_id, id);

CREATE TABLE alert_configs
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    scrape_job_id   bigint      NOT NULL REFERENCES scrape_jobs (id),
    gather_job_id   bigint      NOT NULL REFERENCES gather_jobs (id),
    rule_id         bigint      NOT NULL REFERENCES monitoring_rules (id),
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_alert_configs_org ON alert_configs (organization_id, id);
CREATE INDEX ix_alert_configs_scrape_job ON alert_configs (scrape_job_id);
CREATE INDEX ix_alert_configs_gather_job ON alert_configs (gather_job_id);
CREATE INDEX ix_alert_configs_rule ON alert_configs (rule_id);
