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
 * @param method  the method a gate was passed or failed with (an {@code AuthMethod} name), or null
 */
record SiemEvent(long id, Instant occurredAt, String activity, String actor, String target, String kiosk,
                 boolean failed, String failureReason, String details, String method) {
    SiemEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(activity, "activity");
        actor = actor == null ? "" : actor;
        target = target == null ? "" : target;
        failureReason = failureReason == null ? "" : failureReason;
        details = details == null ? "" : details;
    }

    SiemEvent(long id, Instant occurredAt, String activity, String actor, String target, String kiosk,
              boolean failed, String failureReason, String details) {
        this(id, occurredAt, activity, actor, target, kiosk, failed, failureReason, details, null);
    }

    String activityCode() {
        return ActivityCodes.ofStored(activity);
    }

    SiemEvent withDetails(String text) {
        return new SiemEvent(id, occurredAt, activity, actor, target, kiosk, failed, failureReason, text, method);
    }
}
