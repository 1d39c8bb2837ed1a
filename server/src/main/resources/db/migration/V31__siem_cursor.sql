-- SIEM forwarding of the audit log (ADR 19). The audit_event table is the queue; this row per collector is
-- its durable cursor: every audit event id up to last_event_id reached the collector (or was never committed).
-- It moves only after the collector confirmed a batch. One server at a time forwards to a collector: the
-- one holding the lease (servers sharing a PostgreSQL database take it over when it runs out).
CREATE TABLE siem_cursor (
    destination   VARCHAR(300)  NOT NULL PRIMARY KEY,   -- the collector, host:port
    last_event_id BIGINT        NOT NULL,
    forwarded_at  TIMESTAMP WITH TIME ZONE,             -- when the cursor last moved; null before the first batch
    lease_owner   VARCHAR(64),                          -- the forwarding server's instance id
    lease_until   TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(1024),                        -- why the last attempt failed; null once a batch got through
    last_error_at TIMESTAMP WITH TIME ZONE
);
