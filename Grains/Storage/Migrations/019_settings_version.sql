-- 019: the version of an organization's settings (docs/api.md, "ETags and If-Match"): one number for all of its
-- settings and template overrides, moved by every change, so a write can be made conditional on what its writer read.
ALTER TABLE organizations
    ADD COLUMN settings_version integer NOT NULL DEFAULT 1;

-- A member's version (docs/api.md, "ETags and If-Match"): moved by every change of the member's roles in the
-- organization, whichever route made it, so a role change or a removal can be made conditional on what was read.
ALTER TABLE organization_members
    ADD COLUMN version integer NOT NULL DEFAULT 1;
