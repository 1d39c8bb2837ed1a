package org.opensspr.server.secinfo;

import java.util.Objects;

/**
 * What a user needs to add OpenSSPR to an authenticator app, shown once at registration: the
 * {@code otpauth://} URI (for a QR code) and the same secret in base32 (to type in).
 */
public record TotpEnrollment(String otpauthUri, String base32Secret) {
    public TotpEnrollment {
        Objects.requireNonNull(otpauthUri, "otpauthUri");
        Objects.requireNonNull(base32Secret, "base32Secret");
    }

    @Override
    public String toString() {
        return "TotpEnrollment[<redacted>]";
    }
}
