-- 018: operator actions (docs/operations.md, "Suspending an organization" and "Locking an account").
-- A suspended organization keeps its data and schedules; the frontend refuses every request made in it.
ALTER TABLE organizations
    ADD COLUMN suspended_at timestamptz NULL,
    ADD COLUMN suspended_by text        NULL;

-- An account a global admin locked: no sign-in, no session. Unlike locked_until (the brute-force lockout, which
-- ends by itself) it lasts until a global admin unlocks it.
ALTER TABLE users
    ADD COLUMN locked_at timestamptz NULL,
    ADD COLUMN locked_by text        NULL;
