-- A message that carries a secret (a verification code) says until when the secret is good; NULL for
-- one that carries none, whose text may stay. Sent through a relay, its body is blanked at once; kept
-- in the outbox directory (the embedded default), body and .eml file stay only until secret_until.
ALTER TABLE outbox_message ADD COLUMN secret_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_outbox_message_secret ON outbox_message (secret_until);
