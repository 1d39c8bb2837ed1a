-- Users' own security info (issue 12, docs/design.md §7): the session a lock-screen sign-in opens, the
-- registrations it has started but not yet proven, and when each user last confirmed their info.

-- A signed-in user's security-info session. Only a hash of its bearer is kept; it answers only the kiosk
-- (or, without an enrolled kiosk, the address) that signed in.
CREATE TABLE security_info_session (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    token_hash      VARCHAR(128) NOT NULL,
    user_id         VARCHAR(64)  NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    kiosk_id        VARCHAR(64),
    client_address  VARCHAR(64)  NOT NULL,
    locale          VARCHAR(35)  NOT NULL DEFAULT 'en-US',
    prompt          VARCHAR(16)  NOT NULL,                -- SignInPrompt sign-in answered
    proven_at       TIMESTAMP WITH TIME ZONE,             -- a registered method proven again in this session
    proof_questions VARCHAR(1024) NOT NULL DEFAULT '',    -- security questions drawn for that proof
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_security_info_session_token ON security_info_session (token_hash);
CREATE INDEX ix_security_info_session_expires ON security_info_session (expires_at);

-- What a session is proving: a new Authenticator app (its sealed seed), a new alternate email (the address
-- and the HMAC of the code sent to it), or a registered email proven again (PROOF_EMAIL). Nothing here
-- counts; a proven row moves to the user's registrations and leaves this table.
CREATE TABLE security_info_pending (
    session_id    VARCHAR(64)  NOT NULL REFERENCES security_info_session (id) ON DELETE CASCADE,
    purpose       VARCHAR(32)  NOT NULL,                  -- AUTHENTICATOR_APP | EMAIL | PROOF_EMAIL
    secret_sealed VARCHAR(512),
    address       VARCHAR(320),
    code_hmac     VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, purpose)
);

-- When the user last confirmed their info themselves ("Looks good", or proving a method), for reconfirmation.
CREATE TABLE security_info_review (
    user_id      VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES directory_user (id) ON DELETE CASCADE,
    confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
