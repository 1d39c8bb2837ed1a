package org.opensspr.api;

/**
 * One user a policy change would affect.
 *
 * @param reason why, in an administrator's words (e.g. "registered 1 usable method; the new policy needs 2")
 */
public record ImpactedUserDto(String id, String userPrincipalName, String displayName, String reason) {
}
