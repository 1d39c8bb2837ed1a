package org.opensspr.directory;

import org.opensspr.methods.AuthMethod;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user as the SSPR engines see it. {@code onPremisesProtected} marks accounts AD protects
 * (Domain/Enterprise Admins, adminCount=1), which SSPR never resets.
 */
public record DirectoryUser(String id, String userPrincipalName, String givenName, String surname,
                            String displayName, UserSource source, boolean enabled, boolean locked,
                            ContactInfo contact, String preferredLanguage, Set<Role> roles,
                            boolean onPremisesProtected, List<MethodRegistration> registrations) {
    public DirectoryUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        givenName = givenName == null ? "" : givenName;
        surname = surname == null ? "" : surname;
        displayName = displayName == null ? "" : displayName;
        source = source == null ? UserSource.CLOUD : source;
        contact = contact == null ? ContactInfo.none() : contact;
        preferredLanguage = preferredLanguage == null ? "" : preferredLanguage;
        EnumSet<Role> roleCopy = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roleCopy.addAll(roles);
        }
        roles = Collections.unmodifiableSet(roleCopy);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    /** Any admin role puts the account under the two-gate policy. */
    public boolean isAdministrator() {
        return !roles.isEmpty();
    }

    public boolean passwordManagedOnPremises() {
        return source == UserSource.ON_PREMISES;
    }

    public Optional<MethodRegistration> registration(AuthMethod.Registration kind) {
        return registrations.stream().filter(r -> r.kind() == kind).findFirst();
    }

    public DirectoryUser withRegistrations(List<MethodRegistration> value) {
        return new DirectoryUser(id, userPrincipalName, givenName, surname, displayName, source, enabled, locked,
                contact, preferredLanguage, roles, onPremisesProtected, value);
    }

    public DirectoryUser withContact(ContactInfo value) {
        return new DirectoryUser(id, userPrincipalName, givenName, surname, displayName, source, enabled, locked,
                value, preferredLanguage, roles, onPremisesProtected, registrations);
    }

    public DirectoryUser withRoles(Set<Role> value) {
        return new DirectoryUser(id, userPrincipalName, givenName, surname, displayName, source, enabled, locked,
                contact, preferredLanguage, value, onPremisesProtected, registrations);
    }

    public DirectoryUser withEnabled(boolean value) {
        return new DirectoryUser(id, userPrincipalName, givenName, surname, displayName, source, value, locked,
                contact, preferredLanguage, roles, onPremisesProtected, registrations);
    }

    public DirectoryUser withSource(UserSource value, boolean protectedOnPremises) {
        return new DirectoryUser(id, userPrincipalName, givenName, surname, displayName, value, enabled, locked,
                contact, preferredLanguage, roles, protectedOnPremises, registrations);
    }
}
