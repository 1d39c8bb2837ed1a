package org.opensspr.server.codes;

import java.time.Instant;
import java.util.Objects;

/** A code just issued: the digits to send (never stored), when it was issued and when it stops working. */
public record IssuedCode(String code, Instant issuedAt, Instant expiresAt) {
    public IssuedCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedCode[code=<redacted>, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
