-- 004: grain state for Microsoft.Orleans.Persistence.AdoNet (AdoNetGrainStorage), 10.x.
--
-- The provider loads only these keys (WHERE QueryKey IN ...):
--   WriteToStorageKey, ReadFromStorageKey, ClearStorageKey  - required, exactly one row each;
--   DeleteStorageKey                                        - optional; required when the provider is
--                                                             configured with DeleteStateOnClear = true.
--
-- Every query receives the grain identity:
--   GrainIdHash (int), GrainIdN0 (bigint), GrainIdN1 (bigint), GrainTypeHash (int),
--   GrainTypeString (text), GrainIdExtensionString (text, NULL when the key has no extension),
--   ServiceId (text).
-- N0/N1 are the two halves of a Guid key, or 0/the integer key; string keys go entirely into
-- GrainIdExtensionString with N0 = N1 = 0. The hashes only narrow the search: matching always compares
-- every identity column (GrainIdExtensionString NULL-safely).
--
-- Etag = Version (int, rendered as a string by the provider):
--   * Read returns PayloadBinary and Version; no row means "no state, no etag". A row whose payload is
--     NULL (after a clear) still hands out its Version as the etag, with RecordExists = false.
--   * Write gets GrainStateVersion = the caller's etag, or NULL when the caller holds none. NULL means
--     "insert the first version"; otherwise the stored version must equal it. The new version comes back
--     in a column named NewGrainStateVersion; NULL (or no row) tells the provider the write lost and it
--     throws InconsistentStateException.
--   * Clear (DeleteStateOnClear = false) keeps the row, empties the payload, moves the version on and
--     returns the new version as the first column; Delete removes the row and returns any non-NULL value
--     that differs from the caller's etag. Both answer nothing on a stale etag.
-- Versions wrap from int.MaxValue to 1 instead of failing: the provider only compares etags for
-- equality, and a busy grain could otherwise exhaust an int.
--
-- 10.x binds PayloadBinary only; the PayloadJson/PayloadXml columns of the 3.x schema are gone (a JSON
-- grain-state serializer still arrives here as bytes in PayloadBinary).

CREATE TABLE orleansstorage
(
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypehash          integer     NOT NULL,
    graintypestring        text        NOT NULL,
    grainidextensionstring text        NULL,
    serviceid              text        NOT NULL,
    payloadbinary          bytea       NULL,       -- NULL after ClearStorageKey
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL
);

-- One row per grain identity, enforced by the database so that two activations racing to write the
-- first version cannot both succeed (READ COMMITTED or not). The text columns enter the index as 64-bit
-- hashes so that long type names or string keys can never exceed the btree entry size limit, and the
-- IS NULL flag keeps "no extension" distinct from an empty one. The two leading columns also serve every
-- lookup below (they are what the WHERE clauses narrow on first).
CREATE UNIQUE INDEX ux_orleansstorage_grain ON orleansstorage
(
    grainidhash,
    graintypehash,
    grainidn0,
    grainidn1,
    hashtextextended(serviceid, 0),
    hashtextextended(graintypestring, 0),
    hashtextextended(COALESCE(grainidextensionstring, ''), 0),
    (grainidextensionstring IS NULL)
);

CREATE FUNCTION orleans_storage_write(
    p_grain_id_hash     integer,
    p_grain_id_n0       bigint,
    p_grain_id_n1       bigint,
    p_grain_type_hash   integer,
    p_grain_type        text,
    p_grain_id_ext      text,
    p_service_id        text,
    p_expected_version  integer,
    p_payload           bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- The caller has never seen a stored version: only the very first write may succeed.
        -- The unique index turns a concurrent (or earlier) first write into "nothing inserted".
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
             p_grain_id_ext, p_service_id, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO v_new_version;

        RETURN v_new_version;   -- NULL when a row already existed
    END IF;

    UPDATE orleansstorage AS s
       SET payloadbinary = p_payload,
           modifiedon    = now(),
           version       = CASE WHEN s.version = 2147483647 THEN 1 ELSE s.version + 1 END
     WHERE s.grainidhash = p_grain_id_hash
       AND s.graintypehash = p_grain_type_hash
       AND s.grainidn0 = p_grain_id_n0
       AND s.grainidn1 = p_grain_id_n1
       AND s.graintypestring = p_grain_type
       AND s.grainidextensionstring IS NOT DISTINCT FROM p_grain_id_ext
       AND s.serviceid = p_service_id
       AND s.version = p_expected_version
    RETURNING s.version INTO v_new_version;

    RETURN v_new_version;       -- NULL when the stored version differs (or the row is gone)
END;
$$;

COMMENT ON FUNCTION orleans_storage_write(integer, bigint, bigint, integer, text, text, text, integer, bytea) IS
    'WriteToStorageKey: optimistic write of one grain state; returns the new version, or NULL on an etag conflict.';

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Params: the identity, GrainStateVersion (NULL for a first write), PayloadBinary.
-- Returns one row with NewGrainStateVersion (NULL = conflict).
('WriteToStorageKey', $$
SELECT orleans_storage_write(
           @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS newgrainstateversion;
$$),

-- Params: the identity. Returns PayloadBinary and Version, or no row.
('ReadFromStorageKey', $$
SELECT payloadbinary, version
  FROM orleansstorage
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND serviceid = @ServiceId;
$$),

-- Params: the identity, GrainStateVersion. Empties the payload and returns the new version as the first
-- (only) column; no row when the etag is stale.
('ClearStorageKey', $$
UPDATE orleansstorage
   SET payloadbinary = NULL,
       modifiedon    = now(),
       version       = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND serviceid = @ServiceId
   AND version = @GrainStateVersion
RETURNING version AS newgrainstateversion;
$$),

-- Only used with DeleteStateOnClear = true. Params: the identity, GrainStateVersion. Removes the row and
-- returns old version + 1 (as bigint, so it can never overflow or equal the caller's etag); no row when
-- the etag is stale.
('DeleteStorageKey', $$
DELETE FROM orleansstorage
 WHERE grainidhash = @GrainIdHash
   AND graintypehash = @GrainTypeHash
   AND grainidn0 = @GrainIdN0
   AND grainidn1 = @GrainIdN1
   AND graintypestring = @GrainTypeString
   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
   AND serviceid = @ServiceId
   AND version = @GrainStateVersion
RETURNING version::bigint + 1 AS deletedversion;
$$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
