-- Usage & insights (design §15, ADR 22).

-- The method a gate was passed or failed with (an AuthMethod name); null on every other event, and on every
-- event written before this version. The row MAC covers it only when present, so older rows verify unchanged.
ALTER TABLE audit_event ADD COLUMN method VARCHAR(32);

-- Counts of self-service events per UTC hour, incremented by the sealer in the transaction that links the
-- events (so each event counts exactly once), and kept past the audit log's retention. Only events linked
-- after this version are counted. '' stands for "no method" and "no reason" (a key column can't be null).
CREATE TABLE insights_hourly (
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    activity   VARCHAR(128) NOT NULL,
    method     VARCHAR(32)  NOT NULL,
    result     VARCHAR(16)  NOT NULL,
    reason     VARCHAR(256) NOT NULL,
    events     BIGINT       NOT NULL,
    PRIMARY KEY (hour_start, activity, method, result, reason)
);

-- Completed resets and unlocks per UTC hour and time-to-reset bucket (bucket_upper_seconds -1: no upper edge).
CREATE TABLE insights_duration (
    hour_start           TIMESTAMP WITH TIME ZONE NOT NULL,
    bucket_upper_seconds BIGINT NOT NULL,
    completed            BIGINT NOT NULL,
    PRIMARY KEY (hour_start, bucket_upper_seconds)
);

-- A completion's time from the flow's start, written with the completion's audit event (same transaction)
-- and taken into insights_duration, then deleted, by the sealer that links that event.
CREATE TABLE insights_pending_duration (
    event_id BIGINT PRIMARY KEY,
    seconds  BIGINT NOT NULL
);

-- "Blocked now" reads the last two days of throttle events without scanning older ones.
CREATE INDEX ix_throttle_event_occurred ON throttle_event (occurred_at);
