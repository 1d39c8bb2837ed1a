-- The audit log's pages at ten million events (ADR 29): its filters find their events along an index in the
-- page's order (newest first, ties by id), so neither database reads or sorts the events a filter leaves out.
-- Actor and target are matched in any case through lower-cased keys the server writes (as the directory's
-- names, ADR 18: H2 has no expression indexes).

ALTER TABLE audit_event ADD COLUMN actor_key VARCHAR(320) DEFAULT '' NOT NULL;
ALTER TABLE audit_event ADD COLUMN target_key VARCHAR(320) DEFAULT '' NOT NULL;
UPDATE audit_event SET actor_key = LOWER(TRIM(actor)), target_key = LOWER(TRIM(target));
-- No default: a writer that forgets a key fails instead of hiding the event from a filter.
ALTER TABLE audit_event ALTER COLUMN actor_key DROP DEFAULT;
ALTER TABLE audit_event ALTER COLUMN target_key DROP DEFAULT;

-- Each index ends in (occurred_at, id), the page's order, so a page is a walk along it from its start or
-- an offset; PostgreSQL reads a page's ids from the index alone.
DROP INDEX ix_audit_event_time;
DROP INDEX ix_audit_event_activity;
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_event_activity ON audit_event (activity, occurred_at, id);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_key, occurred_at, id);
CREATE INDEX ix_audit_event_target ON audit_event (target_key, occurred_at, id);
