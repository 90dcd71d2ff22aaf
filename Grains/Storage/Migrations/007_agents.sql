-- 007: agents, one row per (API key, agent name), refreshed by every heartbeat.
-- Credentials are only names and types: secrets never leave the agent.

CREATE TABLE agents
(
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id   bigint      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    api_key_id        bigint      NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    name              text        NOT NULL,
    version           text        NOT NULL DEFAULT '',
    capabilities      text[]      NOT NULL,
    credentials       jsonb       NOT NULL DEFAULT '[]',     -- [{"name": "...", "type": "ssh_key|https_pat|registry_basic"}]
    last_heartbeat_at timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (api_key_id, name)
);
CREATE INDEX ix_agents_org ON agents (organization_id, id);
