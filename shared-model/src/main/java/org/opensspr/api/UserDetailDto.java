package org.opensspr.api;

import org.opensspr.directory.UserSource;

import java.time.Instant;
import java.util.List;

/**
 * A user as an administrator sees it: identity, contact data, roles (role names as the server spells
 * them, sorted), registered methods and the groups the user is a direct member of.
 */
public record UserDetailDto(String id, String userPrincipalName, String givenName, String surname,
                            String displayName, UserSource source, boolean enabled, boolean locked,
                            boolean onPremisesProtected, String preferredLanguage, String primaryEmail,
                            String alternateEmail, String mobilePhone, String officePhone, List<String> roles,
                            List<MethodRegistrationDto> registrations, List<GroupRefDto> groups,
                            Instant createdAt, Instant updatedAt) {
    public UserDetailDto {
        roles = roles == null ? List.of() : List.copyOf(roles);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
