package org.opensspr.api;

import java.util.List;

/**
 * Registration for self-service reset, now (Entra's "Registration" insights).
 *
 * @param usersInScope users the policy enables for self-service reset
 * @param registered   of those, users with at least one method registered
 * @param capable      of those, users with enough methods registered to pass the policy's gates
 * @param byMethod     users in scope with each method registered, in {@code AuthMethod.Registration} order
 */
public record RegistrationInsightsDto(long usersInScope, long registered, long capable,
                                      List<MethodUsersDto> byMethod) {
    public RegistrationInsightsDto {
        byMethod = List.copyOf(byMethod);
    }
}
