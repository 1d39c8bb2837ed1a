package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

import java.time.Instant;

/**
 * One audit log entry as {@code GET /api/v1/audit} lists it.
 *
 * @param id            the server's sequence number for the entry
 * @param occurredAt    when it happened
 * @param activity      what happened ({@link AuditActivity#entraName()} for Entra's wording)
 * @param actor         who did it: an administrator's or user's UPN, or {@code "system"}
 * @param target        whom or what it concerned (a UPN, {@code "SSPR policy"}); empty when nothing
 * @param kioskId       the kiosk it happened on, or null
 * @param result        success or failure
 * @param failureReason why it failed; empty on success
 * @param details       short text or JSON about the action; never holds a secret
 * @param method        the method a gate was passed or failed with; absent on every other event
 */
public record AuditEventDto(long id, Instant occurredAt, AuditActivity activity, String actor, String target,
                            @OptionalField String kioskId, AuditResult result, String failureReason, String details,
                            @OptionalField AuthMethod method) {
}
