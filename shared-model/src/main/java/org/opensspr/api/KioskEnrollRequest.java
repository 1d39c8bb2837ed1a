package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * What a kiosk sends to {@code POST /api/v1/kiosks/enroll} to exchange its one-time code for a
 * {@link KioskCredentialDto}. {@link #toString()} never shows the code.
 *
 * @param code       the enrollment code as the administrator was shown it; case, spaces and dashes don't matter
 * @param deviceName the kiosk machine's own name (its host name), shown to administrators; may be null or empty
 */
public record KioskEnrollRequest(
        String code,
        @OptionalField @JsonSetter(nulls = Nulls.AS_EMPTY) String deviceName) {

    @Override
    public String toString() {
        return "KioskEnrollRequest[code=" + Redacted.mark(code) + ", deviceName=" + deviceName + "]";
    }
}
