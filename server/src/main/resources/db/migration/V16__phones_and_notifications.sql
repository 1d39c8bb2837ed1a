-- Texts, calls and app notifications go through the outbox like mail. A call is read out in the
-- language of the person who asked for it (a BCP 47 tag; empty for the other channels).
ALTER TABLE outbox_message ADD COLUMN language VARCHAR(35) DEFAULT '' NOT NULL;

-- The app notification open for a reset flow's gate (one at a time: sending another replaces it).
-- The phone answers through a signed URL naming the row; the answer is written once.
CREATE TABLE push_challenge (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    flow_id      VARCHAR(64)  NOT NULL REFERENCES reset_flow (id) ON DELETE CASCADE,
    match_number INTEGER      NOT NULL,                 -- the number the kiosk shows, 10–99
    choices      VARCHAR(16)  NOT NULL,                 -- the three numbers the phone offers, e.g. 17,42,88
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answer       VARCHAR(8),                            -- the number picked, or DENY; null until answered
    answered_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_push_challenge_flow ON push_challenge (flow_id);

-- How a phone's code went out: TEXT or CALL (null for email), so "send again" goes the same way.
ALTER TABLE verification_code ADD COLUMN delivery VARCHAR(8);
