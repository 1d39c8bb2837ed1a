package org.opensspr.server.kiosk;

import java.time.OffsetDateTime;

/**
 * A kiosk as stored, with the expiry of its unused enrollment code if it has one.
 */
record KioskRow(String id, String name, String deviceName, String createdBy, OffsetDateTime createdAt,
                OffsetDateTime enrolledAt, OffsetDateTime lastSeenAt, String lastSeenAddress,
                OffsetDateTime revokedAt, OffsetDateTime pendingCodeExpiresAt) {

    boolean revoked() {
        return revokedAt != null;
    }
}
