package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;

import java.time.Instant;

/**
 * Which audit events to list; a null part doesn't filter. Actor and target match whole values, ignoring
 * case. {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditQuery(AuditActivity activity, String actor, String target, AuditResult result, Instant from,
                         Instant to) {
    public AuditQuery {
        actor = blankToNull(actor);
        target = blankToNull(target);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' is before 'from'");
        }
    }

    /** Every event. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery withActivity(AuditActivity value) {
        return new AuditQuery(value, actor, target, result, from, to);
    }

    public AuditQuery withActor(String value) {
        return new AuditQuery(activity, value, target, result, from, to);
    }

    public AuditQuery withTarget(String value) {
        return new AuditQuery(activity, actor, value, result, from, to);
    }

    public AuditQuery withResult(AuditResult value) {
        return new AuditQuery(activity, actor, target, value, from, to);
    }

    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(activity, actor, target, result, start, end);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
