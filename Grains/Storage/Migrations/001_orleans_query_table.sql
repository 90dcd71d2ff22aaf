-- 001: the OrleansQuery catalogue.
--
-- The Orleans ADO.NET providers (clustering, reminders, grain storage) ship no SQL. At start-up each
-- one runs the hard-coded statement
--
--     SELECT QueryKey, QueryText FROM OrleansQuery
--
-- (the grain storage provider adds a WHERE QueryKey = ... filter), keeps the rows in a dictionary keyed
-- by QueryKey, and later executes QueryText with named parameters (@Name). The clustering and reminder
-- providers refuse to start when one of their keys is missing; extra keys are ignored.
--
-- Identifiers are deliberately unquoted: PostgreSQL folds OrleansQuery/QueryKey/QueryText to lower case
-- both here and in the provider's statement, and Npgsql resolves reader columns by name
-- case-insensitively, so the provider's GetOrdinal("QueryKey") finds the column "querykey".
--
-- Later scripts add their rows with INSERT ... ON CONFLICT (querykey) DO UPDATE, so a later migration
-- can replace a query text by upserting the same key again.
--
-- See docs/orleans-adonet-contract.md for every key, its parameters and its result columns.
-- Runs inside DbUp's per-script transaction; nothing here needs to run outside one.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,

    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'Query texts the Orleans ADO.NET providers load at start-up (key -> SQL with @Named parameters). Managed by Planekeeper migrations.';
