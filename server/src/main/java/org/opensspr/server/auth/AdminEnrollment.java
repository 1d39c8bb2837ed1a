package org.opensspr.server.auth;

/**
 * A newly created administrator's authenticator enrollment, shown once: the otpauth URI for a QR code
 * and the same secret in base32 for typing. {@link #toString()} hides both.
 */
public record AdminEnrollment(String userId, String userPrincipalName, String otpauthUri, String base32Secret) {

    @Override
    public String toString() {
        return "AdminEnrollment[userId=" + userId + ", userPrincipalName=" + userPrincipalName
                + ", otpauthUri=<redacted>, base32Secret=<redacted>]";
    }
}
