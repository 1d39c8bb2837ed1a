package org.opensspr.server.auth;

import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Role;
import org.opensspr.server.http.ApiException;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator to create. Names may be empty; the password is checked against the cloud
 * password rules by {@link AdminAccounts}. {@link #toString()} never shows the password.
 *
 * @param userPrincipalName the sign-in name, {@code name@domain}; unique ignoring case
 * @param roles             at least one
 */
public record NewAdministrator(String userPrincipalName, String displayName, String givenName, String surname,
                               String password, Set<Role> roles) {
    public static final int MAX_UPN_LENGTH = 320;

    public NewAdministrator {
        userPrincipalName = userPrincipalName == null ? "" : userPrincipalName.strip();
        displayName = displayName == null ? "" : displayName.strip();
        givenName = givenName == null ? "" : givenName.strip();
        surname = surname == null ? "" : surname.strip();
        Objects.requireNonNull(password, "password");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The unique key: the UPN lower-cased. */
    public String upnKey() {
        return upnKeyOf(userPrincipalName);
    }

    static String upnKeyOf(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a malformed UPN or an empty role list, naming the field. */
    void validate() {
        int at = userPrincipalName.indexOf('@');
        boolean wellFormed = at > 0 && at == userPrincipalName.lastIndexOf('@') && at < userPrincipalName.length() - 1
                && userPrincipalName.length() <= MAX_UPN_LENGTH
                && userPrincipalName.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp));
        if (!wellFormed) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "userPrincipalName",
                    "The user name must look like name@domain (no spaces, at most " + MAX_UPN_LENGTH + " characters).");
        }
        if (roles.isEmpty()) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "roles", "An administrator needs at least one role.");
        }
        if (displayName.length() > 512 || givenName.length() > 256 || surname.length() > 256) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "displayName", "The names are too long.");
        }
    }

    @Override
    public String toString() {
        return "NewAdministrator[userPrincipalName=" + userPrincipalName + ", displayName=" + displayName
                + ", roles=" + roles + ", password=<redacted>]";
    }
}
