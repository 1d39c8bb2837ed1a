package org.opensspr.api;

import java.util.List;

/**
 * What testing the connection to the on-premises directory found. Read-only: nothing is written to the directory.
 *
 * @param servers  each configured server, in fail-over order
 * @param testUser the test user's lookup and the service account's rights on it; absent when none was given or no
 *                 server could be used
 * @param ok       every server answered, took the service account's bind and holds the base DN, and the test user
 *                 (when given) was found with no right missing
 */
public record ConnectionTestDto(List<ServerCheckDto> servers, @OptionalField TestUserCheckDto testUser, boolean ok) {
    public ConnectionTestDto {
        servers = List.copyOf(servers);
    }
}
