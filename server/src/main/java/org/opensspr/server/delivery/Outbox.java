package org.opensspr.server.delivery;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The durable queue in front of every mail the server sends. {@link #enqueue} writes inside the
 * caller's transaction, so a verification code is queued only if the step that issued it commits —
 * and then it is delivered by a {@link DeliveryWorker} even if this server stops right after.
 */
public final class Outbox {
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Queues the message for delivery now, in {@code tx}; returns its outbox id. */
    public long enqueue(DSLContext tx, EmailMessage message) {
        return OutboxRepository.insertEmail(tx, message, clock.instant(), null);
    }

    /**
     * Queues a message that carries a secret (a verification code) good until {@code secretUntil}.
     * The outbox keeps the secret no longer than that, and not at all once a relay took the message
     * ({@link DeliveryWorker#forgetExpiredSecrets}).
     */
    public long enqueueSecret(DSLContext tx, EmailMessage message, Instant secretUntil) {
        return OutboxRepository.insertEmail(tx, message, clock.instant(), Objects.requireNonNull(secretUntil));
    }

    /** Queues each message, in {@code tx}; returns their ids in order. */
    public List<Long> enqueueAll(DSLContext tx, List<EmailMessage> messages) {
        return messages.stream().map(message -> enqueue(tx, message)).toList();
    }

    /** Counts by status, the oldest waiting message and the latest failure. */
    public DeliveryStatus status(DSLContext dsl) {
        return OutboxRepository.status(dsl);
    }

    /** For housekeeping: forgets sent and failed messages queued longer ago than {@code age}. */
    public int purgeFinishedOlderThan(DSLContext dsl, Duration age) {
        return OutboxRepository.purgeFinishedBefore(dsl, clock.instant().minus(age));
    }
}
