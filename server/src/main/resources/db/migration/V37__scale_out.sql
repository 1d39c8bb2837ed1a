-- What several server instances on one database need beyond rows they already share (issue #18).

-- One row per subject whose throttle is counted and then added to in one step (a kiosk's flow starts,
-- keyed as throttle_event.subject_key). A start locks it before counting, so concurrent starts, on one
-- server or several sharing the database, are counted one after the other: a burst can't all see the
-- count below the limit before any of them is recorded. Kept as long as the subject's events are.
CREATE TABLE throttle_subject (
    subject_key VARCHAR(400)             NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The keyed hash of a fixed text under the secret key of the servers on this database (crypto.SharedKeyCheck,
-- ADR 30): one row, written by the first server to start. A server whose key hashes it otherwise refuses to
-- start, instead of sealing, fingerprinting and chaining what the others can't open or verify.
CREATE TABLE server_key_check (
    id          INT                      NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
