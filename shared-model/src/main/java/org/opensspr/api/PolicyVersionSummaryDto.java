package org.opensspr.api;

import java.time.Instant;

/**
 * One entry of the policy's version history ({@code GET /api/v1/policy/versions}, newest first).
 *
 * @param version        the version number; 0 is the built-in defaults
 * @param author         who stored it
 * @param createdAt      when; null for version 0
 * @param rolledBackFrom the version it restored when it was a rollback, else null
 */
public record PolicyVersionSummaryDto(int version, String author, @OptionalField Instant createdAt,
                                      @OptionalField Integer rolledBackFrom) {
}
