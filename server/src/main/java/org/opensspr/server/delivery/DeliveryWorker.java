package org.opensspr.server.delivery;

import org.jooq.exception.DataAccessException;
import org.opensspr.server.crypto.SealedSecretException;
import org.opensspr.server.db.Database;
import org.opensspr.server.metrics.DeliveryFailure;
import org.opensspr.server.metrics.DeliveryMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds. Each round reads due messages in small batches, claims a batch with one
 * conditional UPDATE (so servers sharing one database never send a message twice), sends each outside
 * any transaction, and records the outcome: SENT (the batch's handovers marked together), tried again
 * later with exponential backoff, or FAILED when the error is permanent or the attempts are used up. A
 * message that carries a secret keeps it no longer than needed: its body is blanked once a relay took
 * it, and when the secret expires (see {@link #forgetExpiredSecrets}). Runs on one scheduled thread; a
 * nudge waits {@link #GATHER_PAUSE} so that one round takes the messages queued meanwhile (ADR 36). Tests
 * call {@link #deliverDueNow()} directly and move the clock instead of waiting.
 */
public final class DeliveryWorker implements AutoCloseable {
    public static final int DEFAULT_BATCH = 20;
    /**
     * How long a nudged round waits before it reads the outbox: the messages queued meanwhile share its claim
     * and its "sent" mark, two commits, instead of two commits each. Nobody waiting for a code notices 0.1 s.
     */
    public static final Duration GATHER_PAUSE = Duration.ofMillis(100);
    /**
     * A handover that took this long, or a batch older than a quarter of its lease, has the batch's handovers so
     * far marked before the next send: a slow relay must not hold them unmarked until their lease runs out, when
     * another server would send them again.
     */
    static final Duration SLOW_SEND = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Told of each message that failed for good (after its transaction), e.g. to audit it. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(long id, Channel channel, String recipient, String error);
    }

    /** What one round did. */
    public record Round(int sent, int retrying, int failed) {
        public int attempted() {
            return sent + retrying + failed;
        }

        Round plus(Round other) {
            return new Round(sent + other.sent, retrying + other.retrying, failed + other.failed);
        }
    }

    private final Database database;
    private final Outbox outbox;
    private final Couriers couriers;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final int batchSize;
    private final Object roundLock = new Object();
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** Handovers whose "sent" mark failed (the database was away): marked first in the next round, while their lease holds. */
    private final List<OutboxRepository.Handover> unmarked = new ArrayList<>();
    /** Secrets that expired by then are forgotten; null until the first round, which looks at all of them. */
    private Instant secretsForgottenThrough;
    private volatile boolean closed;
    private volatile FailureListener failures = (id, channel, recipient, error) -> {
    };
    private volatile DeliveryMeters meters = DeliveryMeters.discarding();
    private volatile ScheduledExecutorService executor;

    /** Mail only: texts, calls and notifications fail (no courier). */
    public DeliveryWorker(Database database, Outbox outbox, MailSender sender, Clock clock) {
        this(database, outbox, Couriers.mailOnly(sender), clock, RetrySchedule.DEFAULT, DEFAULT_BATCH);
    }

    public DeliveryWorker(Database database, Outbox outbox, Couriers couriers, Clock clock) {
        this(database, outbox, couriers, clock, RetrySchedule.DEFAULT, DEFAULT_BATCH);
    }

    public DeliveryWorker(Database database, Outbox outbox, MailSender sender, Clock clock, RetrySchedule schedule,
                          int batchSize) {
        this(database, outbox, Couriers.mailOnly(sender), clock, schedule, batchSize);
    }

    /** Delivers what {@code outbox} queued in {@code database} (the outbox opens sealed bodies). */
    public DeliveryWorker(Database database, Outbox outbox, Couriers couriers, Clock clock, RetrySchedule schedule,
                          int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be positive");
        }
        this.database = database;
        this.outbox = outbox;
        this.couriers = couriers;
        this.clock = clock;
        this.schedule = schedule;
        this.batchSize = batchSize;
    }

    /** Who hears of failures; set before {@link #start}. */
    public DeliveryWorker onFailure(FailureListener listener) {
        this.failures = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Where handovers are timed and failed attempts counted; set before {@link #start}. */
    public DeliveryWorker measuredBy(DeliveryMeters meters) {
        this.meters = java.util.Objects.requireNonNull(meters, "meters");
        return this;
    }

    /** Polls every {@code pollInterval} on a daemon thread until {@link #close()}. */
    public synchronized DeliveryWorker start(Duration pollInterval) {
        if (executor != null || closed) {
            throw new IllegalStateException("The delivery worker starts once");
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opensspr-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::roundQuietly, 0, Math.max(1, pollInterval.toMillis()),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Asks for a round after {@link #GATHER_PAUSE} rather than at the next poll — call it after the transaction
     * that queued a message commits (before the commit the round would not see it). Nudges during the pause
     * ask for the same round. Does nothing unless started.
     */
    public void deliverSoon() {
        ScheduledExecutorService running = executor;
        if (running != null && !closed && nudged.compareAndSet(false, true)) {
            try {
                running.schedule(() -> {
                    nudged.set(false);
                    if (!closed) { // a delayed task still runs after shutdown()
                        roundQuietly();
                    }
                }, GATHER_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    private void roundQuietly() {
        try {
            deliverDueNow();
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next poll tries again.
            LOG.warn("Outbox delivery round failed: {}", e.toString());
        } catch (Error e) {
            // Not let out: a scheduled task that throws is never run again, and the polls must go on.
            LOG.error("Outbox delivery round failed", e);
        }
    }

    /**
     * One round: forgets expired secrets, then delivers every message due now, batch by batch, and says what
     * happened. What a batch claimed but could not send within half its lease goes back unsent, as does what
     * it hadn't tried when something went wrong: a slow relay must not let the lease run out under the batch's
     * last messages, which another server would then send too.
     */
    public Round deliverDueNow() {
        synchronized (roundLock) {
            try {
                markSent(List.copyOf(unmarked));
            } catch (RuntimeException e) {
                // Still waiting for the next round; this one goes on (a database that is away fails it anyway).
                LOG.warn("Could not mark outbox messages {} sent: {}", unmarked, e.toString());
            }
            forgetExpiredSecrets();
            Round round = new Round(0, 0, 0);
            while (!closed) {
                List<OutboxRepository.Due> batch = OutboxRepository.due(database.dsl(), clock.instant(), batchSize);
                Instant claimedAt = clock.instant();
                List<OutboxRepository.Due> claimed = claim(batch, claimedAt);
                round = round.plus(deliver(claimed, claimedAt));
                // Stop when nothing more is due, or when every row read went to another server.
                if (batch.size() < batchSize || claimed.isEmpty()) {
                    break;
                }
            }
            return round;
        }
    }

    /** Sends a claimed batch one message after the other, then settles it (below). */
    private Round deliver(List<OutboxRepository.Due> claimed, Instant claimedAt) {
        Instant sendBy = claimedAt.plus(schedule.lease().dividedBy(2));
        Instant markBy = claimedAt.plus(schedule.lease().dividedBy(4));
        List<OutboxRepository.Handover> handedOver = new ArrayList<>();
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int next = 0; // the first claimed message no courier was given yet
        try {
            Duration lastSend = Duration.ZERO;
            while (next < claimed.size()) {
                Instant now = clock.instant();
                if (closed || !now.isBefore(sendBy)) {
                    break;
                }
                if (lastSend.compareTo(SLOW_SEND) >= 0 || !now.isBefore(markBy)) {
                    markSent(handedOver);
                    handedOver.clear();
                }
                switch (attempt(claimed.get(next++), handedOver)) {
                    case SENT -> sent++;
                    case QUEUED -> retrying++;
                    case FAILED -> failed++;
                }
                lastSend = Duration.between(now, clock.instant());
            }
        } catch (RuntimeException | Error e) {
            // The message a courier had when it failed may have gone out: its lease keeps it.
            try {
                settle(handedOver, claimed.subList(next, claimed.size()));
            } catch (RuntimeException | Error again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        settle(handedOver, claimed.subList(next, claimed.size()));
        return new Round(sent, retrying, failed);
    }

    /**
     * After a batch: marks its handovers sent and gives back, due at once and their attempt uncounted, the claimed
     * messages no courier was given.
     */
    private void settle(List<OutboxRepository.Handover> handedOver, List<OutboxRepository.Due> untried) {
        try {
            markSent(handedOver);
        } finally {
            OutboxRepository.release(database.dsl(), untried, clock.instant());
        }
    }

    /**
     * Forgets the secrets that expired since the last round: blanks their messages' bodies (one still
     * waiting fails instead of going out late) and removes the copies this server's sender kept, such
     * as the .eml files where people read their codes. Each server removes its own copies, whichever
     * server blanked the rows. Returns how many rows it blanked.
     */
    public int forgetExpiredSecrets() {
        synchronized (roundLock) {
            Instant now = clock.instant();
            Instant after = secretsForgottenThrough;
            boolean copiesGone = true;
            List<OutboxRepository.Expired> expiredSince = OutboxRepository.secretsExpiredBetween(database.dsl(), after, now);
            if (expiredSince.isEmpty()) {
                // Nothing expired since the last round, so there is nothing to blank: one read instead of a
                // statement per channel in every round (a round follows each message queued).
                secretsForgottenThrough = now;
                return 0;
            }
            for (OutboxRepository.Expired expired : expiredSince) {
                Courier courier = couriers.of(expired.channel()).orElse(null);
                if (courier != null && courier.keepsCopies()) {
                    try {
                        courier.forget(expired.id(), expired.queuedAt());
                    } catch (IOException e) {
                        copiesGone = false; // tried again next round
                        LOG.warn("Could not remove the copy of outbox message {}, whose code expired: {}", expired.id(),
                                e.toString());
                    }
                }
            }
            OutboxRepository.Forgotten forgotten = OutboxRepository.forgetSecretsExpiredBetween(database.dsl(), after, now);
            forgotten.failedWaiting().forEach((channel, count) -> meters.failed(channel, DeliveryFailure.EXPIRED, count));
            if (copiesGone) {
                secretsForgottenThrough = now;
            }
            return forgotten.blanked();
        }
    }

    /** The rows of {@code batch} this server claimed, in the batch's order. */
    private List<OutboxRepository.Due> claim(List<OutboxRepository.Due> batch, Instant now) {
        try {
            Set<Long> ids = OutboxRepository.claim(database.dsl(), batch, now, now.plus(schedule.lease()));
            return batch.stream().filter(due -> ids.contains(due.id())).toList();
        } catch (DataAccessException lostRace) {
            // A database that detects the concurrent update reports it instead of waiting: the other won.
            LOG.debug("Outbox messages {} were claimed elsewhere: {}", batch, lostRace.getMessage());
            return List.of();
        }
    }

    /**
     * Marks the handovers sent, together. When the database refuses, they wait in {@link #unmarked} for the next
     * round (while their lease holds, no other server sends them) and the refusal goes on.
     */
    private void markSent(List<OutboxRepository.Handover> handedOver) {
        if (handedOver.isEmpty()) {
            return;
        }
        Set<Long> marked;
        try {
            marked = OutboxRepository.markSent(database.dsl(), handedOver, clock.instant());
        } catch (RuntimeException | Error e) {
            handedOver.stream().filter(h -> !unmarked.contains(h)).forEach(unmarked::add);
            throw e;
        }
        unmarked.removeAll(handedOver);
        for (OutboxRepository.Handover handover : handedOver) {
            long id = handover.due().id();
            if (marked.contains(id)) {
                LOG.info("Outbox message {} sent (attempt {})", id, handover.due().attempts() + 1);
            } else {
                LOG.warn("Outbox message {} was sent after its lease ran out (or its code expired meanwhile);"
                        + " another server may send it again", id);
            }
        }
    }

    /**
     * Sends a claimed message and records a failure's outcome; a handover joins {@code handedOver}, to be marked
     * sent with the batch's others. Returns the message's status afterwards.
     */
    private OutboxStatus attempt(OutboxRepository.Due due, List<OutboxRepository.Handover> handedOver) {
        int attempt = due.attempts() + 1;
        if (due.secretUntil() != null && !clock.instant().isBefore(due.secretUntil())) {
            // Expired since the round began (a batch takes time): a late code helps no one. The next round blanks it.
            return failed(due, attempt, OutboxRepository.SECRET_EXPIRED, DeliveryFailure.EXPIRED);
        }
        Courier courier = couriers.of(due.channel()).orElse(null);
        if (courier == null) {
            return failed(due, attempt, "No " + due.channel() + " delivery is configured on this server.",
                    DeliveryFailure.NO_COURIER);
        }
        QueuedMessage message;
        try {
            message = new QueuedMessage(due.id(), due.queuedAt(), due.channel(), due.to(), due.subject(),
                    outbox.text(due.body(), due.secretUntil() != null), due.language());
        } catch (IllegalArgumentException | SealedSecretException e) {
            return failed(due, attempt, "The queued message is malformed: " + e.getMessage(), DeliveryFailure.MALFORMED);
        }
        long started = System.nanoTime();
        try {
            courier.deliver(message);
        } catch (DeliveryException e) {
            return e.permanent() ? failed(due, attempt, e.getMessage(), DeliveryFailure.REFUSED)
                    : retry(due, attempt, e.getMessage());
        } catch (RuntimeException e) {
            return retry(due, attempt, SmtpMailSender.describe(e));
        }
        // A relay took the message away: a secret in it needn't stay here.
        handedOver.add(new OutboxRepository.Handover(due, due.secretUntil() != null && !courier.keepsCopies()));
        meters.handedOver(due.channel(), System.nanoTime() - started);
        return OutboxStatus.SENT;
    }

    private OutboxStatus retry(OutboxRepository.Due due, int attempt, String error) {
        if (schedule.exhausted(attempt)) {
            return failed(due, attempt, error, DeliveryFailure.RETRIES_EXHAUSTED);
        }
        meters.failed(due.channel(), DeliveryFailure.TEMPORARY);
        Instant next = clock.instant().plus(schedule.delayAfter(attempt));
        OutboxRepository.reschedule(database.dsl(), due.id(), attempt, next, error);
        LOG.warn("Outbox message {} not sent (attempt {} of {}), next try at {}: {}", due.id(), attempt,
                schedule.maxAttempts(), next, error);
        return OutboxStatus.QUEUED;
    }

    private OutboxStatus failed(OutboxRepository.Due due, int attempt, String error, DeliveryFailure reason) {
        meters.failed(due.channel(), reason);
        if (OutboxRepository.markFailed(database.dsl(), due.id(), attempt, error)) {
            try {
                failures.failed(due.id(), due.channel(), due.to(), error);
            } catch (RuntimeException e) {
                LOG.warn("Could not record the failure of outbox message {}: {}", due.id(), e.toString());
            }
        }
        LOG.warn("Outbox message {} FAILED after {} attempt(s): {}", due.id(), attempt, error);
        return OutboxStatus.FAILED;
    }

    /**
     * A provider reports, after the fact, that a message it took never arrived: the message fails and the
     * failure is told as any other. Nothing happens for a message that isn't marked sent (a stray report).
     */
    public void failedAfterHandover(long id, String reason) {
        OutboxRepository.failAfterHandover(database.dsl(), id, reason).ifPresent(lost -> {
            meters.failed(lost.channel(), DeliveryFailure.LOST_AFTER_HANDOVER);
            failures.failed(id, lost.channel(), lost.recipient(), reason);
            LOG.warn("Outbox message {} FAILED after it was sent: {}", id, reason);
        });
    }

    /** Stops polling; a send in progress finishes (its socket timeouts bound it) or its lease lets another retry. */
    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
