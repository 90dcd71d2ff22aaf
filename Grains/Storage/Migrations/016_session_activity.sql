-- 016: sessions a user can see and revoke (docs/security.md, "Browsers: CSRF, cookies, sessions"): a public id
-- (the token hash never leaves the cluster), the last activity for the idle timeout, and where the session began.

ALTER TABLE user_sessions
    ADD COLUMN id           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN user_agent   text        NULL,
    ADD COLUMN ip_address   text        NULL;

CREATE INDEX ix_user_sessions_expires ON user_sessions (expires_at);
