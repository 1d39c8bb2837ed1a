-- Directory sync (design §24, ADR 26): users and groups read from the on-premises directory.

-- Each synced user or group keyed by the directory's immutable id (AD objectGUID, OpenLDAP entryUUID), so a
-- renamed or moved object is the same row. Exactly one of user_id and group_id is set; deleting the row in
-- OpenSSPR deletes its anchor (a later full sync adds it again). dn_key is the entry's normalized DN, which
-- group members (DNs) are resolved by; it changes when the object is renamed or moved.
CREATE TABLE directory_sync_object (
    anchor   VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id  VARCHAR(64)   REFERENCES directory_user (id) ON DELETE CASCADE,
    group_id VARCHAR(64)   REFERENCES directory_group (id) ON DELETE CASCADE,
    dn_key   VARCHAR(2048) NOT NULL,
    CONSTRAINT ck_directory_sync_object_one CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX uq_directory_sync_object_user ON directory_sync_object (user_id);
CREATE UNIQUE INDEX uq_directory_sync_object_group ON directory_sync_object (group_id);
CREATE INDEX ix_directory_sync_object_dn ON directory_sync_object (dn_key);

-- One row per configured directory (its base DN): where the last real run left off, and the lease that lets
-- one server at a time run a sync (servers sharing a PostgreSQL database take it over when it runs out).
-- AD's update sequence numbers are per domain controller: cursor_server names the DC (dsServiceName and
-- invocationId) whose highestCommittedUSN cursor_usn is; a delta on another DC is a full sync. OpenLDAP's
-- cursor is the newest modifyTimestamp read (cursor_stamp).
CREATE TABLE directory_sync_state (
    directory      VARCHAR(300)  NOT NULL PRIMARY KEY,
    cursor_server  VARCHAR(600),
    cursor_usn     BIGINT,
    cursor_stamp   VARCHAR(32),
    full_synced_at TIMESTAMP WITH TIME ZONE,
    lease_owner    VARCHAR(64),
    lease_until    TIMESTAMP WITH TIME ZONE
);

-- Each run, dry or real: progress while it runs (phase, counts so far), then its outcome.
CREATE TABLE directory_sync_run (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    directory       VARCHAR(300)  NOT NULL,
    requested_mode  VARCHAR(8)    NOT NULL,            -- FULL | DELTA
    mode            VARCHAR(8)    NOT NULL,            -- what ran: a delta without a usable cursor runs FULL
    dry_run         BOOLEAN       NOT NULL,
    requested_by    VARCHAR(320)  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    phase           VARCHAR(16)   NOT NULL,            -- SyncPhase
    entries_read    INTEGER       NOT NULL DEFAULT 0,
    users_seen      INTEGER       NOT NULL DEFAULT 0,
    groups_seen     INTEGER       NOT NULL DEFAULT 0,
    users_added     INTEGER       NOT NULL DEFAULT 0,
    users_updated   INTEGER       NOT NULL DEFAULT 0,
    users_deleted   INTEGER       NOT NULL DEFAULT 0,
    groups_added    INTEGER       NOT NULL DEFAULT 0,
    groups_updated  INTEGER       NOT NULL DEFAULT 0,
    groups_deleted  INTEGER       NOT NULL DEFAULT 0,
    members_added   INTEGER       NOT NULL DEFAULT 0,
    members_removed INTEGER       NOT NULL DEFAULT 0,
    conflicts       INTEGER       NOT NULL DEFAULT 0,
    skipped         INTEGER       NOT NULL DEFAULT 0,
    note            VARCHAR(1024) NOT NULL DEFAULT '',  -- e.g. why a delta ran as a full sync
    error           VARCHAR(1024)                      -- null unless the run failed
);
CREATE INDEX ix_directory_sync_run_started ON directory_sync_run (started_at, id);

-- A run's changes, in the order computed, at most SyncChanges.MAX_RECORDED per run (the run's counts are the
-- totals). fields_json: [{"field":…,"before":…,"after":…}].
CREATE TABLE directory_sync_change (
    run_id      VARCHAR(64)   NOT NULL REFERENCES directory_sync_run (id) ON DELETE CASCADE,
    seq         INTEGER       NOT NULL,
    kind        VARCHAR(24)   NOT NULL,                -- SyncChangeKind
    target      VARCHAR(600)  NOT NULL,                -- the UPN or group name (a membership: the group)
    detail      VARCHAR(2048) NOT NULL DEFAULT '',
    fields_json VARCHAR(16000) NOT NULL DEFAULT '[]',
    PRIMARY KEY (run_id, seq)
);
