package org.opensspr.server.delivery;

import java.time.Instant;

/**
 * The outbox at a glance, for the admin console: how many messages wait, went out or failed, how long
 * the oldest has waited, and the most recent delivery error.
 *
 * @param oldestQueuedAt when the oldest waiting message was queued; null when none waits
 * @param lastFailure    the most recent failed attempt of a message that is still waiting or has FAILED;
 *                       null when there is none (a message that went out after all drops its error)
 */
public record DeliveryStatus(long queued, long sent, long failed, Instant oldestQueuedAt, Failure lastFailure) {

    /** One failed attempt: which message, when, its status now, and the error (the relay's reply). */
    public record Failure(long messageId, OutboxStatus status, int attempts, Instant attemptedAt, String error) {
    }
}
