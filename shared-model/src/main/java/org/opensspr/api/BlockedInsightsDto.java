package org.opensspr.api;

import java.util.List;

/**
 * Users blocked from self-service reset.
 *
 * @param blockedInRange times users were blocked in the report's range
 * @param blockedNow     users blocked now
 * @param users          the users blocked now whose block ends soonest, at most 100
 */
public record BlockedInsightsDto(long blockedInRange, long blockedNow, List<BlockedUserDto> users) {
    public BlockedInsightsDto {
        users = List.copyOf(users);
    }
}
