package org.opensspr.api;

/**
 * {@code POST /api/v1/users/{id}/password}: a helpdesk reset of another user's password.
 *
 * @param password               the new password, checked against the password rules and banned list; absent, the
 *                               server generates one and answers it once
 * @param mustChangeAtNextSignIn whether the user must choose their own password at the next sign-in; on if absent
 */
public record AdminPasswordResetRequest(@OptionalField String password, @OptionalField Boolean mustChangeAtNextSignIn) {

    public boolean generate() {
        return password == null;
    }

    public boolean mustChange() {
        return mustChangeAtNextSignIn == null || mustChangeAtNextSignIn;
    }

    @Override
    public String toString() {
        return "AdminPasswordResetRequest[password=" + Redacted.mark(password) + ", mustChangeAtNextSignIn="
                + mustChangeAtNextSignIn + "]";
    }
}
