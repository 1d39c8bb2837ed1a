package org.opensspr.server.delivery;

/**
 * Where an outbox row stands. A message being sent right now is still QUEUED: its claim only moves
 * {@code next_attempt_at} past a lease, so a server that dies mid-send leaves it for another to retry.
 */
public enum OutboxStatus {
    QUEUED, SENT, FAILED
}
