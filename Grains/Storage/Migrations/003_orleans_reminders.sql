-- 003: reminder table for Microsoft.Orleans.Reminders.AdoNet (AdoNetReminderTable).
--
-- One row per (ServiceId, GrainId, ReminderName). ServiceId is ClusterOptions.ServiceId (not the
-- ClusterId), GrainId is GrainId.ToString(), GrainHash is GrainId.GetUniformHashCode() cast from uint to
-- int by the provider, Period is milliseconds (bound as int, or as long above int.MaxValue), and Version
-- is the reminder's etag: every upsert moves it on, and a delete only succeeds for the current one.
--
-- Range reads: the reminder service asks for the ring range (BeginHash, EndHash] in unsigned order. The
-- provider binds both ends as signed ints and picks the key itself:
--   ReadRangeRows1Key when (int)BeginHash <  (int)EndHash  ->  GrainHash > Begin AND GrainHash <= End
--   ReadRangeRows2Key otherwise (wraps in signed order)    ->  GrainHash > Begin OR  GrainHash <= End
-- With GrainHash stored as the same signed int, these two predicates select exactly the unsigned range,
-- including Begin = End (the whole ring, served by key 2).
--
-- StartTime is timestamptz for the reason given in 002 (DbType.DateTime -> timestamptz in Npgsql 6+).
-- Result columns are read by name (GrainId, ReminderName, StartTime, Period, Version); the delete's
-- answer is read as the single column of the first row.

CREATE TABLE orleansreminderstable
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,   -- milliseconds
    grainhash    integer     NOT NULL,   -- uniform hash of the grain id, as a signed int
    version      integer     NOT NULL,   -- etag

    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

-- Serves the hash-range reads each silo makes for the part of the ring it owns.
CREATE INDEX ix_orleansreminderstable_hash ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- All reminders of one grain. Params: ServiceId, GrainId.
('ReadReminderRowsKey', $$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId;
$$),

-- One reminder, or no row. Params: ServiceId, GrainId, ReminderName.
('ReadReminderRowKey', $$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
   AND remindername = @ReminderName;
$$),

-- Hash range that does not wrap in signed order. Params: ServiceId, BeginHash, EndHash (exclusive, inclusive).
('ReadRangeRows1Key', $$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainhash > @BeginHash
   AND grainhash <= @EndHash;
$$),

-- Hash range that wraps around in signed order (also Begin = End: the whole ring). Same params.
('ReadRangeRows2Key', $$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$$),

-- Insert or replace a reminder; returns its new etag in a column named Version.
-- Params: ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash.
-- The etag wraps from int.MaxValue to 1 instead of failing; only equality of etags matters.
('UpsertReminderRowKey', $$
INSERT INTO orleansreminderstable AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT ON CONSTRAINT pk_orleansreminderstable DO UPDATE
   SET starttime = EXCLUDED.starttime,
       period    = EXCLUDED.period,
       grainhash = EXCLUDED.grainhash,
       version   = CASE WHEN r.version = 2147483647 THEN 1 ELSE r.version + 1 END
RETURNING r.version AS version;
$$),

-- Delete a reminder if the caller's etag is current. Params: ServiceId, GrainId, ReminderName, Version.
-- Returns one row, one column: true when a row was deleted.
('DeleteReminderRowKey', $$
WITH removed AS (
    DELETE FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND grainid = @GrainId
       AND remindername = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS removed;
$$),

-- Every reminder of a service (used by tests / TestOnlyClearTable). Params: ServiceId.
('DeleteReminderRowsKey', $$
DELETE FROM orleansreminderstable
 WHERE serviceid = @ServiceId;
$$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
