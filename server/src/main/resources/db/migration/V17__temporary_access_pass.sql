-- Temporary Access Passes (docs/design.md §18): at most one per user, stored only as an Argon2id hash.
-- A one-time pass is spent by setting used_at; an expired or spent row stays until housekeeping has
-- audited its end, so "expired" is recorded once.
CREATE TABLE temporary_access_pass (
    user_id      VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES directory_user (id) ON DELETE CASCADE,
    pass_hash    VARCHAR(512)  NOT NULL,
    one_time     BOOLEAN       NOT NULL,
    issued_by    VARCHAR(320)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_temporary_access_pass_expires ON temporary_access_pass (expires_at);
