package org.opensspr.api;

/** Change password (self-service): the user knows the current one. */
public record UserPasswordChangeRequest(String userName, String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "UserPasswordChangeRequest[userName=" + userName + ", currentPassword="
                + Redacted.mark(currentPassword) + ", newPassword=" + Redacted.mark(newPassword) + "]";
    }
}
