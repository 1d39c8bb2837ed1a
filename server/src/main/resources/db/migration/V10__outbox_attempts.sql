-- When the last delivery attempt started: the delivery status shows the most recent failure, and an
-- operator can tell a stuck message (attempted long ago) from one that is simply waiting its turn.
ALTER TABLE outbox_message ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
