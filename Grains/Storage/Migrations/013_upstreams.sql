-- 013: the shared upstream cache. One row per public upstream (source type, artifact and tag filter), filled only by
-- server agents' fetches and read by every organization's gather jobs that track it without a credential.
-- Written only by that upstream's grain.

CREATE TABLE upstreams
(
    key             text PRIMARY KEY,
    releases        jsonb       NOT NULL DEFAULT '[]',
    etag            text        NULL,
    last_modified   timestamptz NULL,
    fetched_at      timestamptz NULL,
    requests_made   bigint      NOT NULL DEFAULT 0,
    requests_saved  bigint      NOT NULL DEFAULT 0
);
