package org.opensspr.api;

/**
 * An administrator's sign-in to the console. {@link #toString()} never shows the password or the code.
 *
 * @param username the administrator's user name
 * @param password the password (a secret)
 * @param totpCode the authenticator app's current six-digit code (every administrator has one)
 */
public record AdminSignInRequest(String username, String password, String totpCode) {

    @Override
    public String toString() {
        return "AdminSignInRequest[username=" + username
                + ", password=" + Redacted.mark(password)
                + ", totpCode=" + Redacted.mark(totpCode) + "]";
    }
}
