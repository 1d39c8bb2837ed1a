package org.opensspr.api;

import java.util.List;

/**
 * The on-premises directory as this server is configured to reach it, and how its last writebacks went, for the
 * console's On-premises pane ({@code GET /api/v1/writeback/status}, READ_POLICY). Holds no password.
 *
 * @param configured     whether a directory is configured at all; when not, writeback can't work whatever the policy says
 * @param flavor         {@code ACTIVE_DIRECTORY} or {@code OPENLDAP}
 * @param servers        the directory URLs in fail-over order
 * @param baseDn         where users are looked up
 * @param serviceAccount the account the server binds as
 * @param lastWriteback  the newest writeback that finished (done or not)
 * @param lastFailure    the newest writeback that failed or whose outcome is unknown
 * @param inDoubt        writebacks whose outcome is UNKNOWN: an administrator should check those accounts
 */
public record WritebackStatusDto(boolean configured, @OptionalField String flavor, List<String> servers,
                                 @OptionalField String baseDn, @OptionalField String serviceAccount,
                                 @OptionalField WritebackIntentDto lastWriteback,
                                 @OptionalField WritebackIntentDto lastFailure, int inDoubt) {
    public WritebackStatusDto {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
