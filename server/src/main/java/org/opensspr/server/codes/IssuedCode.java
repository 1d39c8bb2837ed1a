package org.opensspr.server.codes;

import java.time.Instant;
import java.util.Objects;

/** A code just issued: the digits to send (never stored) and when they stop working. */
public record IssuedCode(String code, Instant expiresAt) {
    public IssuedCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedCode[code=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
