package org.opensspr.policy;

/**
 * One thing wrong with a policy: a stable code, the field it concerns (a dotted path into
 * {@link SsprPolicy}, e.g. {@code methods.requiredToReset}) and a readable reason.
 */
public record PolicyViolation(PolicyViolationCode code, String field, String reason) {
}
