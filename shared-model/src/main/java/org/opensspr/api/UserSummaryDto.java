package org.opensspr.api;

import org.opensspr.directory.UserSource;

import java.time.Instant;

/** One row of the users list: enough to find and recognize a user without loading the details. */
public record UserSummaryDto(String id, String userPrincipalName, String displayName, String givenName,
                             String surname, UserSource source, boolean enabled, boolean locked,
                             Instant createdAt) {
}
