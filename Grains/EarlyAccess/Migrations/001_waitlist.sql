-- The early-access waitlist, in its own schema with its own journal (earlyaccess.schema_migrations); every object
-- here is qualified with earlyaccess. and nothing outside that schema is touched (docs/operations.md, "Early access").
CREATE TABLE earlyaccess.waitlist_requests (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             text NOT NULL,
    name              text NOT NULL,
    company           text NOT NULL DEFAULT '',
    use_case          text NOT NULL DEFAULT '',
    status            text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'invited', 'declined')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    invited_at        timestamptz,
    invited_by        text,
    declined_at       timestamptz,
    invite_token_hash bytea UNIQUE,
    invite_used_at    timestamptz,
    invite_user_id    bigint
);

CREATE UNIQUE INDEX waitlist_requests_email ON earlyaccess.waitlist_requests (lower(email));
CREATE INDEX waitlist_requests_status ON earlyaccess.waitlist_requests (status, id);
