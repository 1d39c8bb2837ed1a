package org.opensspr.api;

import java.time.Instant;

/**
 * One recorded attempt to change the on-premises directory (a reset's or an unlock's writeback), as
 * administrators review it: PENDING while the call runs, then DONE, FAILED or UNKNOWN. Holds no password.
 *
 * @param flowId      the reset flow that asked for it; null when none did
 * @param completedAt when it left PENDING; null while pending
 * @param detail      the directory's message, or how the outcome was reconciled; empty when done
 */
public record WritebackIntentDto(String id, String userId, String flowId, String operation, String status,
                                 Instant createdAt, Instant completedAt, String detail) {
}
