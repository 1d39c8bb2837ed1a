package org.opensspr.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code GET /api/v1/admin/session} answers: who is signed in, what they may do and when the
 * session ends.
 *
 * @param userId            the administrator's user id
 * @param userPrincipalName the sign-in name
 * @param displayName       the name to show (the UPN when no display name is set)
 * @param roles             role names as the server spells them ({@code GLOBAL_ADMINISTRATOR}, …)
 * @param permissions       what those roles allow ({@code MANAGE_POLICY}, …)
 * @param signedInAt        when the session began
 * @param idleExpiresAt     when the session ends unless used before (each use moves it on)
 * @param expiresAt         when the session ends however much it is used
 */
public record AdminSessionInfoDto(String userId, String userPrincipalName, String displayName, Set<String> roles,
                                  Set<String> permissions, Instant signedInAt, Instant idleExpiresAt,
                                  Instant expiresAt) {

    public AdminSessionInfoDto {
        // Sorted so that the same session always writes the same JSON.
        roles = roles == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        permissions = permissions == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(permissions));
    }
}
