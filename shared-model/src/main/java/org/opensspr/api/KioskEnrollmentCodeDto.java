package org.opensspr.api;

import java.time.Instant;

/**
 * A new kiosk's one-time enrollment code, shown to the administrator once and never again (the
 * server keeps only its hash). {@link #toString()} never shows the code.
 *
 * @param kioskId   the new kiosk's id
 * @param kioskName the name the administrator gave it
 * @param code      the code to type on the kiosk, four groups of four characters ({@code 7KQ2-M9XD-…}); a secret
 * @param expiresAt after this the code no longer enrolls anything
 */
public record KioskEnrollmentCodeDto(String kioskId, String kioskName, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "KioskEnrollmentCodeDto[kioskId=" + kioskId
                + ", kioskName=" + kioskName
                + ", code=" + Redacted.mark(code)
                + ", expiresAt=" + expiresAt + "]";
    }
}
