package org.opensspr.server.siem;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit event as the forwarder reads it from {@code audit_event}. The activity stays the stored text
 * (Entra's wording) so that an event a newer server wrote is forwarded too, not stuck.
 *
 * @param kiosk   the kiosk the action came from, or null
 * @param failed  whether the result was FAILURE
 * @param details secret-free by contract (see {@code AuditEntry})
 */
record SiemEvent(long id, Instant occurredAt, String activity, String actor, String target, String kiosk,
                 boolean failed, String failureReason, String details) {
    SiemEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(activity, "activity");
        actor = actor == null ? "" : actor;
        target = target == null ? "" : target;
        failureReason = failureReason == null ? "" : failureReason;
        details = details == null ? "" : details;
    }

    String activityCode() {
        return ActivityCodes.ofStored(activity);
    }

    SiemEvent withDetails(String text) {
        return new SiemEvent(id, occurredAt, activity, actor, target, kiosk, failed, failureReason, text);
    }
}
