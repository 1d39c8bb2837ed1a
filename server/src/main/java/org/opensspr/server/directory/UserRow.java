package org.opensspr.server.directory;

import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A user's own row (without roles, registrations or groups), as stored. */
public record UserRow(String id, String userPrincipalName, String givenName, String surname, String displayName,
                      UserSource source, boolean enabled, boolean locked, ContactInfo contact,
                      String preferredLanguage, boolean onPremisesProtected, Instant createdAt, Instant updatedAt) {
    public UserRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The case-folded UPN that makes UPNs unique regardless of case. */
    public String upnKey() {
        return upnKeyOf(userPrincipalName);
    }

    public static String upnKeyOf(String userPrincipalName) {
        return userPrincipalName.strip().toLowerCase(Locale.ROOT);
    }

    public UserRow withContact(ContactInfo value, Instant at) {
        return new UserRow(id, userPrincipalName, givenName, surname, displayName, source, enabled, locked, value,
                preferredLanguage, onPremisesProtected, createdAt, at);
    }

    public UserRow withUpdatedAt(Instant at) {
        return withContact(contact, at);
    }
}
