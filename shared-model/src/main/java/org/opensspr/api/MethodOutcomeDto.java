package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

/** Verifications with {@code method} in a report's range: passed and failed. */
public record MethodOutcomeDto(AuthMethod method, long succeeded, long failed) {
}
