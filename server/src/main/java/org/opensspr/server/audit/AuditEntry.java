package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.methods.AuthMethod;

import java.time.Duration;
import java.util.Objects;

/**
 * An audit event about to be appended. Callers describe the action; the log adds the time and id.
 * {@code details} is short text or JSON about the action and must never hold a secret (no password,
 * code, answer or token); the log does not look inside it.
 *
 * @param kioskId the kiosk the action came from, or null
 * @param method  the method a gate was passed or failed with, or null; insights count every
 *                {@link AuditActivity#SSPR_FLOW_ACTIVITY_PROGRESS} event with a method as one verification, so
 *                only a gate's outcome carries one
 * @param elapsed for a completed self-service reset or unlock, the time since its flow started, or null; not
 *                stored in the event (nor covered by its MAC): the insights' time-to-reset counts it (ADR 22)
 */
public record AuditEntry(AuditActivity activity, String actor, String target, String kioskId, AuditResult result,
                         String failureReason, String details, AuthMethod method, Duration elapsed) {
    public AuditEntry {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(result, "result");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit entry names its actor");
        }
        target = target == null ? "" : target;
        failureReason = failureReason == null ? "" : failureReason;
        details = details == null ? "" : details;
        if (elapsed != null && elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
    }

    public AuditEntry(AuditActivity activity, String actor, String target, String kioskId, AuditResult result,
                      String failureReason, String details) {
        this(activity, actor, target, kioskId, result, failureReason, details, null, null);
    }

    public static AuditEntry success(AuditActivity activity, String actor, String target) {
        return new AuditEntry(activity, actor, target, null, AuditResult.SUCCESS, "", "");
    }

    public static AuditEntry failure(AuditActivity activity, String actor, String target, String failureReason) {
        return new AuditEntry(activity, actor, target, null, AuditResult.FAILURE, failureReason, "");
    }

    public AuditEntry withKiosk(String kiosk) {
        return new AuditEntry(activity, actor, target, kiosk, result, failureReason, details, method, elapsed);
    }

    public AuditEntry withDetails(String text) {
        return new AuditEntry(activity, actor, target, kioskId, result, failureReason, text, method, elapsed);
    }

    public AuditEntry withMethod(AuthMethod value) {
        return new AuditEntry(activity, actor, target, kioskId, result, failureReason, details, value, elapsed);
    }

    public AuditEntry withElapsed(Duration value) {
        return new AuditEntry(activity, actor, target, kioskId, result, failureReason, details, method, value);
    }
}
