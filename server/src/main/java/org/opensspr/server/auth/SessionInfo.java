package org.opensspr.server.auth;

import org.opensspr.server.http.Principal;

import java.time.Instant;

/** The current session as seen by its administrator ("who am I"). */
public record SessionInfo(Principal.Admin admin, String displayName, Instant createdAt, Instant idleExpiresAt,
                          Instant absoluteExpiresAt) {
}
