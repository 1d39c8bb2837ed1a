package org.opensspr.server.auth;

import org.opensspr.server.http.Principal;

import java.time.Instant;

/**
 * A session just created: the bearer token (shown to the client once, stored only hashed) and whom
 * it is for. {@link #toString()} hides the token.
 *
 * @param idleExpiresAt     when it ends unless used before
 * @param absoluteExpiresAt when it ends in any case
 */
public record IssuedSession(String token, Principal.Admin admin, String displayName, Instant idleExpiresAt,
                            Instant absoluteExpiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[token=<redacted>, admin=" + admin.userPrincipalName() + ", idleExpiresAt="
                + idleExpiresAt + ", absoluteExpiresAt=" + absoluteExpiresAt + "]";
    }
}
