package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.Instant;

/**
 * One recorded attempt to change the on-premises directory (a reset's or an unlock's writeback), as
 * administrators review it: PENDING while the call runs, then DONE, FAILED or UNKNOWN. Holds no password.
 */
@JsonClassDescription("One recorded attempt to change the on-premises directory, as administrators review it")
public record WritebackIntentDto(
        String id,
        String userId,
        @JsonPropertyDescription("The reset flow that asked for it; missing when none did") @OptionalField String flowId,
        @JsonPropertyDescription("RESET, UNLOCK or CHANGE") String operation,
        @JsonPropertyDescription("PENDING while the call runs, then DONE, FAILED or UNKNOWN") String status,
        Instant createdAt,
        @JsonPropertyDescription("When it left PENDING; missing while pending") @OptionalField Instant completedAt,
        @JsonPropertyDescription("The directory's message, or how the outcome was reconciled; empty when done")
        String detail) {
}
