-- 015: notifications (SPEC §1, §4): settings, channels with encrypted secrets, routing rules, deliveries, and the
-- Data Protection key ring every silo shares (secrets and acknowledge tokens are protected with it).

CREATE TABLE settings
(
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE, -- 0: global
    key             text        NOT NULL,
    value           text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, key)
);

CREATE TABLE data_protection_keys
(
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text        NOT NULL UNIQUE,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notification_channels
(
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    type             text        NOT NULL CHECK (type IN ('webhook', 'slack', 'discord', 'teams', 'pagerduty', 'telegram', 'smtp')),
    config           jsonb       NOT NULL DEFAULT '{}',      -- public fields only
    secrets          text        NULL,                       -- the secret fields, as Data Protection ciphertext
    secret_names     text[]      NOT NULL DEFAULT '{}',      -- which fields are secret (shown masked)
    templates        jsonb       NOT NULL DEFAULT '{}',      -- category -> template source
    active           boolean     NOT NULL DEFAULT true,
    require_ack_auth boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_notification_channels_org ON notification_channels (organization_id, id);

CREATE TABLE notification_rules
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    priority        integer     NOT NULL DEFAULT 100,
    event_types     text[]      NOT NULL DEFAULT '{}',      -- empty: every event
    severities      text[]      NOT NULL DEFAULT '{}',      -- empty: every severity
    channel_id      bigint      NULL REFERENCES notification_channels (id),
    matched         bigint      NOT NULL DEFAULT 0,         -- events the rule matched
    skipped         bigint      NOT NULL DEFAULT 0,         -- matched, but no channel and no default channel
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
CREATE INDEX ix_notification_rules_org ON notification_rules (organization_id, priority, id);

-- One row per (event, channel), written before any attempt; each channel's grain is the only writer of its rows.
CREATE TABLE notification_deliveries
(
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    channel_id       bigint      NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    alert_id         bigint      NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    alert_action_id  bigint      NOT NULL REFERENCES alert_actions (id) ON DELETE CASCADE,
    event            text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'succeeded', 'failed', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NULL,
    last_error       text        NULL,
    last_status_code integer     NULL,
    idempotency_key  uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    succeeded_at     timestamptz NULL,
    UNIQUE (alert_action_id, channel_id)
);
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status IN ('pending', 'failed', 'in_progress');
CREATE INDEX ix_notification_deliveries_org ON notification_deliveries (organization_id, id DESC);
CREATE INDEX ix_notification_deliveries_channel ON notification_deliveries (channel_id, id DESC);
CREATE INDEX ix_notification_deliveries_alert ON notification_deliveries (alert_id, id);
