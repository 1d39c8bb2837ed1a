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

    /** The filter in words for an audit entry, e.g. "result FAILURE, from 2026-11-01T00:00:00Z"; "everything". */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (activity != null) {
            parts.add("activity " + activity.entraName());
        }
        if (actor != null) {
            parts.add("actor " + actor);
        }
        if (target != null) {
            parts.add("target " + target);
        }
        if (result != null) {
            parts.add("result " + result.name());
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
