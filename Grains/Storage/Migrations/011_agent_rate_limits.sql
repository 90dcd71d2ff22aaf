-- 011: the upstream rate-limit quota each agent last reported (e.g. GitHub's remaining requests), shown on the
-- agents list so an operator sees an agent running out before its gathers fail.

ALTER TABLE agents ADD COLUMN rate_limits jsonb NOT NULL DEFAULT '{}';
