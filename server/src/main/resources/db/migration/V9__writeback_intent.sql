-- Password writeback to an on-premises directory (AD / OpenLDAP). The server writes an intent and
-- commits it BEFORE calling the directory, then records the outcome. A row still PENDING after the
-- server restarts means the directory may or may not have applied the change: an administrator (and
-- later a reconciliation) resolves it. Never holds a password.
CREATE TABLE writeback_intent (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)   NOT NULL,                 -- directory_user.id; no foreign key: the record outlives the user
    flow_id      VARCHAR(64),                            -- the reset flow that asked; null otherwise
    operation    VARCHAR(16)   NOT NULL,                 -- RESET | UNLOCK | CHANGE
    status       VARCHAR(16)   NOT NULL,                 -- PENDING | DONE | FAILED | UNKNOWN
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,               -- when the status left PENDING
    detail       VARCHAR(2048) NOT NULL DEFAULT '',      -- the directory's message or what went wrong
    CONSTRAINT ck_writeback_intent_operation CHECK (operation IN ('RESET', 'UNLOCK', 'CHANGE')),
    CONSTRAINT ck_writeback_intent_status CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'UNKNOWN'))
);
CREATE INDEX ix_writeback_intent_status ON writeback_intent (status, created_at);
CREATE INDEX ix_writeback_intent_user ON writeback_intent (user_id, created_at);
