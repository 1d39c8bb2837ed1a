package org.opensspr.api;

/**
 * How a helpdesk reset went.
 *
 * @param generatedPassword the password the server chose, shown this once (absent when the administrator typed one)
 * @param sessionsEnded     the user's sign-in sessions, open reset flows and outstanding codes that the reset ended
 * @param notified          how many notification messages were queued (the user, and Global administrators for an
 *                          administrator's reset), as the policy asks
 */
public record AdminPasswordResetDto(@OptionalField String generatedPassword, boolean mustChangeAtNextSignIn,
                                    int sessionsEnded, int notified) {
    @Override
    public String toString() {
        return "AdminPasswordResetDto[generatedPassword=" + Redacted.mark(generatedPassword) + ", mustChangeAtNextSignIn="
                + mustChangeAtNextSignIn + ", sessionsEnded=" + sessionsEnded + ", notified=" + notified + "]";
    }
}
