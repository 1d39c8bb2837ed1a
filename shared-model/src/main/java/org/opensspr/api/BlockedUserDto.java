package org.opensspr.api;

import java.time.Instant;

/** A user blocked from self-service reset now, and when the block ends. */
public record BlockedUserDto(String userPrincipalName, Instant blockedUntil) {
}
