-- 002: cluster membership for Microsoft.Orleans.Clustering.AdoNet (silo side: AdoNetClusteringTable;
-- client side: AdoNetGatewayListProvider). Both sides load the same key set and refuse to start when a
-- required key is missing, so every key below is needed by silos and clients alike.
--
-- Data model (what the provider expects, not how upstream spells it):
--   * one version row per cluster (DeploymentId = ClusterOptions.ClusterId). Its integer version is the
--     membership table's etag: every insert/update of a silo row must move it from the version the caller
--     read to version + 1, atomically with the row change, or do nothing at all and answer false;
--   * one row per silo incarnation (address, port, generation).
--   The heartbeat (UpdateIAmAlivetimeKey) and the dead-row cleanup deliberately do not touch the version.
--
-- Timestamps are timestamptz on purpose. The provider binds every DateTime with DbType.DateTime, which
-- Npgsql 6+ sends as 'timestamp with time zone' and only accepts for DateTimeKind.Utc values (which is
-- what Orleans binds). Storing into a 'timestamp without time zone' column would make PostgreSQL convert
-- through the session TimeZone, so any server not running in UTC would shift every heartbeat. Reading a
-- timestamptz gives a Kind=Utc DateTime back, which is what the provider assumes.
--
-- Result columns are read by name (case-insensitively, Npgsql), except the boolean answers, which are
-- read as "the single column of the first row" (FieldCount must be 1).
--
-- Only $$ (untagged) dollar quotes are used, so DbUp variable substitution cannot trip over $name$.

-- ---------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE orleansmembershipversiontable
(
    deploymentid text        NOT NULL,
    modifiedon   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE orleansmembershiptable
(
    deploymentid text        NOT NULL,
    address      text        NOT NULL,   -- IPAddress.ToString()
    port         integer     NOT NULL,   -- silo-to-silo port
    generation   integer     NOT NULL,   -- incarnation of the silo at this endpoint
    siloname     text        NOT NULL,   -- read with a plain cast: must never be NULL
    hostname     text        NOT NULL,   -- idem
    status       integer     NOT NULL,   -- Orleans.Runtime.SiloStatus (3 = Active, 6 = Dead)
    proxyport    integer     NOT NULL,   -- gateway port, 0 when the silo is no gateway
    suspecttimes text        NULL,       -- "silo,date|silo,date" as formatted by the provider
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,

    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    -- DeleteMembershipTableEntriesKey removes a whole cluster by deleting its version row.
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------------------------------
-- Helper functions for the two writes that touch two rows atomically.
--
-- Both claim the table version first (UPDATE ... WHERE version = expected). That row lock is held until
-- the caller's statement commits, so all membership writers of one cluster are serialised on it. If the
-- silo row part then fails, a private SQLSTATE is raised and caught by the function's own exception
-- block, which rolls the version claim back, and the caller gets false with nothing changed.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION orleans_membership_add_silo(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE orleansmembershipversiontable
       SET version    = version + 1,
           modifiedon = now()
     WHERE deploymentid = p_deployment_id
       AND version = p_expected_version;

    IF NOT FOUND THEN
        -- Stale etag, unknown cluster or NULL argument: nothing was changed.
        RETURN false;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, suspecttimes, starttime, iamalivetime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT pk_orleansmembershiptable DO NOTHING;

    IF NOT FOUND THEN
        -- This silo incarnation is already registered: undo the version claim.
        RAISE EXCEPTION USING ERRCODE = 'PKM01', MESSAGE = 'membership row already exists';
    END IF;

    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'PKM01' THEN
        RETURN false;
END;
$$;

COMMENT ON FUNCTION orleans_membership_add_silo(text, text, integer, integer, text, text, integer, integer, timestamptz, timestamptz, integer) IS
    'InsertMembershipKey: bump the cluster version from p_expected_version and insert the silo row, both or neither.';

CREATE FUNCTION orleans_membership_update_silo(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE orleansmembershipversiontable
       SET version    = version + 1,
           modifiedon = now()
     WHERE deploymentid = p_deployment_id
       AND version = p_expected_version;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershiptable
       SET status       = p_status,
           suspecttimes = p_suspect_times,
           iamalivetime = p_i_am_alive_time
     WHERE deploymentid = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;

    IF NOT FOUND THEN
        -- No such silo row: undo the version claim.
        RAISE EXCEPTION USING ERRCODE = 'PKM01', MESSAGE = 'membership row not found';
    END IF;

    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'PKM01' THEN
        RETURN false;
END;
$$;

COMMENT ON FUNCTION orleans_membership_update_silo(text, text, integer, integer, integer, text, timestamptz, integer) IS
    'UpdateMembershipKey: bump the cluster version from p_expected_version and update the silo row, both or neither.';

-- ---------------------------------------------------------------------------------------------------
-- Query texts
-- ---------------------------------------------------------------------------------------------------

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Silo start-up (InitializeMembershipTable): create the cluster's version row if it is missing.
-- Params: DeploymentId. Returns one row, one column: true when this call created the row.
('InsertMembershipVersionKey', $$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid, modifiedon, version)
    VALUES (@DeploymentId, now(), 0)
    ON CONFLICT ON CONSTRAINT pk_orleansmembershipversiontable DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS created;
$$),

-- One silo plus the table version. Params: DeploymentId, Address, Port, Generation.
-- Always returns the version row (LEFT JOIN): the provider takes the etag from row 0 and treats a row
-- with NULL StartTime as "no such silo".
('MembershipReadRowKey', $$
SELECT v.version,
       m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime
  FROM orleansmembershipversiontable AS v
  LEFT JOIN orleansmembershiptable AS m
         ON m.deploymentid = v.deploymentid
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deploymentid = @DeploymentId;
$$),

-- Every silo plus the table version, in one snapshot. Params: DeploymentId.
('MembershipReadAllKey', $$
SELECT v.version,
       m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime
  FROM orleansmembershipversiontable AS v
  LEFT JOIN orleansmembershiptable AS m
         ON m.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId;
$$),

-- Add a silo row if the caller's etag is current. Returns one boolean column.
('InsertMembershipKey', $$
SELECT orleans_membership_add_silo(
           @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS succeeded;
$$),

-- Change status / suspicions / heartbeat of a silo row if the caller's etag is current.
-- Returns one boolean column.
('UpdateMembershipKey', $$
SELECT orleans_membership_update_silo(
           @DeploymentId, @Address, @Port, @Generation,
           @Status, @SuspectTimes, @IAmAliveTime, @Version) AS succeeded;
$$),

-- Heartbeat: a blind write of the silo's own row; no version check, no version bump, result ignored.
('UpdateIAmAlivetimeKey', $$
UPDATE orleansmembershiptable
   SET iamalivetime = @IAmAliveTime
 WHERE deploymentid = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$$),

-- Remove a whole cluster (version row and, by cascade, its silo rows). Params: DeploymentId.
('DeleteMembershipTableEntriesKey', $$
DELETE FROM orleansmembershipversiontable
 WHERE deploymentid = @DeploymentId;
$$),

-- Client-side gateway list (AdoNetGatewayListProvider). Params: DeploymentId, Status (always 3, Active).
-- Returns Address, ProxyPort, Generation of every active silo that listens as a gateway.
('GatewaysQueryKey', $$
SELECT address, proxyport, generation
  FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = @Status
   AND proxyport > 0;
$$),

-- Dead-row pruning, bulk form. Required key, but 10.4.x only runs it when CleanupDefunctSiloEntryKey
-- is absent. Params: DeploymentId, IAmAliveTime (the cut-off, UTC). Conservative: only Dead rows whose
-- start and last heartbeat precede the cut-off and that carry no suspicion votes (vote times are in a
-- string and not compared here), so it never removes a row the per-row form below would keep.
('CleanupDefunctSiloEntriesKey', $$
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = 6
   AND iamalivetime < @IAmAliveTime
   AND starttime < @IAmAliveTime
   AND COALESCE(suspecttimes, '') = '';
$$),

-- Dead-row pruning, per-row form (optional key; preferred by 10.4.x when present). The provider reads
-- all rows, decides in .NET which Dead rows are older than the cut-off, then deletes each one only if
-- it still holds exactly the values it read (so a row changed in between is left alone).
-- Params: DeploymentId, Address, Port, Generation, StartTime, IAmAliveTime, SuspectTimes (may be NULL).
('CleanupDefunctSiloEntryKey', $$
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND starttime = @StartTime
   AND iamalivetime = @IAmAliveTime
   AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
