package org.opensspr.api;

/**
 * {@code POST /api/v1/admin/password}: a signed-in administrator changes their own password. Every
 * session of the account ends; the answer is a fresh {@link SessionDto} for the caller.
 * {@link #toString()} never shows the secrets.
 *
 * @param currentPassword the password now (a secret)
 * @param newPassword     the new password; must meet the cloud password rules (a secret)
 * @param totpCode        the authenticator app's current code (a code already used to sign in is
 *                        refused: wait for the next one)
 */
public record AdminPasswordChangeRequest(String currentPassword, String newPassword, String totpCode) {

    @Override
    public String toString() {
        return "AdminPasswordChangeRequest[currentPassword=" + Redacted.mark(currentPassword)
                + ", newPassword=" + Redacted.mark(newPassword)
                + ", totpCode=" + Redacted.mark(totpCode) + "]";
    }
}
