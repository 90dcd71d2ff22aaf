-- 023: the access change feed (docs/security.md, "Verified API keys"). Every change that can end an API key's
-- acceptance or suspend an organization is recorded here before it is made; frontends read the rows after the last
-- they applied. The one-row counter hands out the sequence numbers: its row lock is held until the recording commits,
-- so numbers become visible in order and a reader that saw number n has seen every number before it.
CREATE TABLE access_change_counter (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq bigint NOT NULL
);
INSERT INTO access_change_counter (seq) VALUES (0);

CREATE TABLE access_changes (
    seq bigint PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('api_key', 'suspension')),
    subject_id bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_changes_changed_at ON access_changes (changed_at);
