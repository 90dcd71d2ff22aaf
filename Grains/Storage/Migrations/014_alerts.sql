-- 014: alerts and their history (SPEC §1 Alert, §3). Each alert config's AlertConfigGrain is the only writer of
-- its alerts and of its own evaluation bookkeeping; the partial unique index keeps at most one active alert per
-- config even if two activations of the grain ever raced.

ALTER TABLE alert_configs
    ADD COLUMN evaluated_at timestamptz NULL;                  -- when the config's inputs were last read and judged

CREATE TABLE alerts
(
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    alert_config_id    bigint      NULL REFERENCES alert_configs (id) ON DELETE SET NULL, -- NULL once the config is deleted
    config_name        text        NOT NULL,
    severity           text        NOT NULL CHECK (severity IN ('moderate', 'high', 'critical')),
    previous_severity  text        NULL CHECK (previous_severity IN ('moderate', 'high', 'critical')),
    behind_by          bigint      NOT NULL,
    discovered_version text        NOT NULL,
    latest_version     text        NULL,
    reason             text        NOT NULL CHECK (reason IN ('behind', 'version_not_found', 'version_parse_failure')),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    acknowledged_at    timestamptz NULL,
    acknowledged_by    text        NULL,
    ack_metadata       jsonb       NULL,
    resolved_at        timestamptz NULL,
    resolved_by        text        NULL,
    version            integer     NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_alerts_one_active_per_config ON alerts (alert_config_id) WHERE resolved_at IS NULL;
CREATE INDEX ix_alerts_org ON alerts (organization_id, id DESC);
CREATE INDEX ix_alerts_resolved ON alerts (resolved_at) WHERE resolved_at IS NOT NULL;

-- Every change of an alert (who, what, when). A change that emits an event names it in `event`; `routed_at` is set
-- once the notification router has taken the event, so events written but not yet routed when a silo died are
-- routed by the reconciliation pass.
CREATE TABLE alert_actions
(
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id          bigint      NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    organization_id   bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    action            text        NOT NULL,
    event             text        NULL CHECK (event IN ('alert.created', 'alert.escalated', 'alert.acknowledged', 'alert.unacknowledged', 'alert.resolved')),
    actor             text        NOT NULL,
    severity          text        NOT NULL,
    previous_severity text        NULL,
    details           jsonb       NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL,
    routed_at         timestamptz NULL
);
CREATE INDEX ix_alert_actions_alert ON alert_actions (alert_id, id);
CREATE INDEX ix_alert_actions_unrouted ON alert_actions (id) WHERE event IS NOT NULL AND routed_at IS NULL;
