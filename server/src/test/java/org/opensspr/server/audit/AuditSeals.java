package org.opensspr.server.audit;

import org.opensspr.server.crypto.SecretBox;

/** Seals under a fixed test key, for tests that build an {@link AuditLog} without a server. */
public final class AuditSeals {
    private AuditSeals() {
    }

    public static AuditSeal fixed() {
        return AuditSeal.of(SecretBox.withKey(new byte[SecretBox.KEY_BYTES]));
    }

    /** An audit log over {@code db} under the fixed test key. */
    public static AuditLog log(org.opensspr.server.db.Database db, java.time.Clock clock) {
        return new AuditLog(db, clock, fixed());
    }
}
