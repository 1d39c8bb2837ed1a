-- One row per user name tried on a channel, locked while an attempt is admitted: concurrent guesses for
-- one name are counted one after the other, so a burst can't pass the lockout check before any of its
-- failures is recorded (issue 11). Rows created before the attempt history's cutoff that have no
-- attempts left are purged with the attempts; a row just created is never purged.
CREATE TABLE sign_in_subject (
    subject_key VARCHAR(320)             NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_key, channel)
);
