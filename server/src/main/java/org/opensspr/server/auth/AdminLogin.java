package org.opensspr.server.auth;

import org.opensspr.directory.Role;

import java.util.Set;

/** What sign-in needs to know about an administrator account; never printed with its secrets. */
record AdminLogin(String userId, String userPrincipalName, String displayName, String givenName, String surname,
                  boolean enabled, String passwordHash, String sealedTotpSecret, long totpLastStep, Set<Role> roles) {

    AdminLogin {
        roles = Set.copyOf(roles);
    }

    /** An account that may use the console: enabled and holding at least one role. */
    boolean mayUseConsole() {
        return enabled && !roles.isEmpty();
    }

    String nameToShow() {
        return displayName.isBlank() ? userPrincipalName : displayName;
    }

    @Override
    public String toString() {
        return "AdminLogin[userId=" + userId + ", upn=" + userPrincipalName + ", enabled=" + enabled
                + ", roles=" + roles + "]";
    }
}
