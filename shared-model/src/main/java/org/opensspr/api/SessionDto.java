package org.opensspr.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in administrator's session. {@link #toString()} never shows the token.
 *
 * @param token     the bearer token to send as {@code Authorization: Bearer <token>} (a secret)
 * @param expiresAt when the session ends unless renewed
 * @param adminName the administrator's display name
 * @param roles     the administrator's roles (role names as the server spells them)
 * @param userId    the administrator's own directory id (the console greys out helpdesk actions on it)
 */
public record SessionDto(String token, Instant expiresAt, String adminName, Set<String> roles,
                         @OptionalField String userId) {

    public SessionDto(String token, Instant expiresAt, String adminName, Set<String> roles) {
        this(token, expiresAt, adminName, roles, null);
    }

    public SessionDto {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A session has a token");
        }
        // Sorted so that the same session always writes the same JSON.
        roles = roles == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }

    @Override
    public String toString() {
        return "SessionDto[token=" + Redacted.mark(token)
                + ", expiresAt=" + expiresAt
                + ", adminName=" + adminName
                + ", roles=" + roles + ", userId=" + userId + "]";
    }
}
