package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;

import java.util.Objects;

/**
 * An audit event about to be appended. Callers describe the action; the log adds the time and id.
 * {@code details} is short text or JSON about the action and must never hold a secret (no password,
 * code, answer or token); the log does not look inside it.
 *
 * @param kioskId the kiosk the action came from, or null
 */
public record AuditEntry(AuditActivity activity, String actor, String target, String kioskId, AuditResult result,
                         String failureReason, String details) {
    public AuditEntry {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(result, "result");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit entry names its actor");
        }
        target = target == null ? "" : target;
        failureReason = failureReason == null ? "" : failureReason;
        details = details == null ? "" : details;
    }

    public static AuditEntry success(AuditActivity activity, String actor, String target) {
        return new AuditEntry(activity, actor, target, null, AuditResult.SUCCESS, "", "");
    }

    public static AuditEntry failure(AuditActivity activity, String actor, String target, String failureReason) {
        return new AuditEntry(activity, actor, target, null, AuditResult.FAILURE, failureReason, "");
    }

    public AuditEntry withKiosk(String kiosk) {
        return new AuditEntry(activity, actor, target, kiosk, result, failureReason, details);
    }

    public AuditEntry withDetails(String text) {
        return new AuditEntry(activity, actor, target, kioskId, result, failureReason, text);
    }
}
