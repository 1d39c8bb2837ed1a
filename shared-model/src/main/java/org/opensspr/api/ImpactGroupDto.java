package org.opensspr.api;

import java.util.List;

/**
 * Users affected in one way by a policy change.
 *
 * @param count how many users in all
 * @param users the first of them by user principal name, at most {@link #MAX_LISTED}
 */
public record ImpactGroupDto(int count, List<ImpactedUserDto> users) {
    public static final int MAX_LISTED = 200;

    public ImpactGroupDto {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
