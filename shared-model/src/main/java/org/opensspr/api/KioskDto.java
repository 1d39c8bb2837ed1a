package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import java.time.Instant;

/**
 * A kiosk as administrators see it ({@code GET /api/v1/kiosks}) and as a kiosk sees itself
 * ({@code GET /api/v1/kiosks/me}). Holds no secret.
 *
 * @param id                  the kiosk's id
 * @param name                the name the administrator gave it
 * @param deviceName          the name the kiosk machine reported when it enrolled; null before that or if it sent none
 * @param status              where the kiosk is in its life
 * @param createdBy           who created it (an administrator's user name, or "cli")
 * @param createdAt           when it was created
 * @param enrollmentExpiresAt until when its enrollment code works; null once enrolled or revoked
 * @param enrolledAt          when it exchanged its code; null before
 * @param lastSeenAt          when it last called the server (kept to the minute); null if never
 * @param lastSeenAddress     the network address of that call; null if never
 * @param revokedAt           when an administrator revoked it; null if not revoked
 */
public record KioskDto(String id, String name, @OptionalField String deviceName, Status status, String createdBy,
                       Instant createdAt, @OptionalField Instant enrollmentExpiresAt, @OptionalField Instant enrolledAt,
                       @OptionalField Instant lastSeenAt, @OptionalField String lastSeenAddress,
                       @OptionalField Instant revokedAt) {

    public enum Status {
        /** Created; its code has not been used yet and has not expired. */
        AWAITING_ENROLLMENT,
        /** Created, but its code expired unused: revoke it and create a new one. */
        ENROLLMENT_EXPIRED,
        /** Holds a device credential. */
        ENROLLED,
        /** Its code and credential no longer work. */
        REVOKED,
        /** A status this client doesn't know yet (a newer server); never sent by the server. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
