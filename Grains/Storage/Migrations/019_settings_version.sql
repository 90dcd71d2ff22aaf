-- 019: the version of an organization's settings (docs/api.md, "ETags and If-Match"): one number for all of its
-- settings and template overrides, moved by every change, so a write can be made conditional on what its writer read.
ALTER TABLE organizations
    ADD COLUMN settings_version integer NOT NULL DEFAULT 1;
