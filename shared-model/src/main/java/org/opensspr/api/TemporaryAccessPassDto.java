package org.opensspr.api;

import java.time.Instant;

/**
 * A user's Temporary Access Pass as an administrator sees it. The pass itself is in the answer that issues it,
 * once, and nowhere else.
 *
 * @param pass   the pass; present only in the answer to issuing it
 * @param usable not expired and, if one-time, not yet used
 */
public record TemporaryAccessPassDto(@OptionalField String pass, boolean oneTime, String issuedBy, Instant createdAt,
                                     Instant expiresAt, @OptionalField Instant usedAt, boolean usable) {
    @Override
    public String toString() {
        return "TemporaryAccessPassDto[pass=" + Redacted.mark(pass) + ", oneTime=" + oneTime + ", expiresAt=" + expiresAt
                + ", usedAt=" + usedAt + ", usable=" + usable + "]";
    }
}
