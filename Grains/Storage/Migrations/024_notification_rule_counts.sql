-- 024: a notification rule's matches and skips counted without writing its row (docs/notifications.md, "Rules").
-- Each routing statement appends one row per rule it counted; a rule's counters are its own columns plus its rows
-- here, and once a minute the delivery recovery pass folds the rows into the columns. Before, every routing
-- statement updated the rule's row, so concurrent alerts of an organization waited on that row lock, each until the
-- other's commit: the ceiling of a notification burst. No foreign key: a rule's rows outlive it only until the next
-- fold drops them, and an insert needs no lock on the rule's row.
CREATE TABLE notification_rule_counts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id bigint NOT NULL,
    matched bigint NOT NULL,
    skipped bigint NOT NULL
);
CREATE INDEX notification_rule_counts_rule ON notification_rule_counts (rule_id);
