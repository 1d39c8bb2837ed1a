package org.opensspr.server.directory;

/**
 * One invalid value: the field (API name), a code in upper snake case (REQUIRED, TOO_LONG,
 * INVALID_FORMAT, UNKNOWN_ROLE, …) and a readable message.
 */
public record FieldProblem(String field, String code, String message) {
}
