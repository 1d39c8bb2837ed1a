package org.opensspr.server.writeback;

import java.time.Instant;

/**
 * One attempt to change the directory, recorded before the call. Holds no password.
 *
 * @param flowId      the reset flow that asked for it; null when not asked by a flow
 * @param completedAt when the status left PENDING; null while pending
 * @param detail      the directory's message or what went wrong; empty when done
 */
public record WritebackIntent(String id, String userId, String flowId, WritebackOperation operation,
                              IntentStatus status, Instant createdAt, Instant completedAt, String detail) {
}
