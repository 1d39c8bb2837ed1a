-- What the reset flow's gates check against: captchas, codes sent by email/SMS/voice, and the security
-- info users register themselves (the Authenticator app's seed, security-question answers).

-- Server-rendered captchas. Only a hash of the answer is kept; any verification uses the row up.
CREATE TABLE captcha (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    answer_hash VARCHAR(128) NOT NULL,                  -- SHA-256 of the normalized answer, hex
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_captcha_expires ON captcha (expires_at);

-- One live code per flow and method: a resend replaces the row, so the earlier code stops working.
CREATE TABLE verification_code (
    flow_id    VARCHAR(64)  NOT NULL REFERENCES reset_flow (id) ON DELETE CASCADE,
    method     VARCHAR(32)  NOT NULL,                   -- AuthMethod
    code_hmac  VARCHAR(128) NOT NULL,                   -- HMAC-SHA256 under a server key, hex
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (flow_id, method)
);
CREATE INDEX ix_verification_code_expires ON verification_code (expires_at);

-- An end user's Authenticator app (admins' own console TOTP stays in admin_credential).
CREATE TABLE user_totp (
    user_id       VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES directory_user (id) ON DELETE CASCADE,
    secret_sealed VARCHAR(512) NOT NULL,                -- AES-GCM sealed seed, base64
    last_step     BIGINT       NOT NULL DEFAULT 0,      -- each code is accepted once
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Security-question answers: Argon2id (PHC string) of the normalized answer, one row per question.
CREATE TABLE security_answer (
    user_id       VARCHAR(64)  NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    question_id   VARCHAR(200) NOT NULL,                -- PredefinedQuestion name or custom question id
    answer_hash   VARCHAR(512) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, question_id)
);
