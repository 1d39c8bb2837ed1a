package org.opensspr.api;

import java.time.Instant;

/**
 * Which audit events to list or export; a null part doesn't filter. Actor and target match whole values, any
 * case; {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditFilter(AuditActivity activity, String actor, String target, AuditResult result, Instant from,
                          Instant to) {
    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        target = target == null || target.isBlank() ? null : target.strip();
    }

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
