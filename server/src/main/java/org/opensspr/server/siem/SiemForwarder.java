package org.opensspr.server.siem;

import org.opensspr.server.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Forwards every audit event to the SIEM, in id order, at least once (ADR 19). The audit table is the queue
 * and {@link SiemCursors} its durable cursor. Each round: take the lease, read the unbroken run of events after
 * the cursor (no DB connection held past that statement), send it over one connection that ends with the
 * collector's closing answer, and only then move the cursor. A failure leaves the cursor where it was, so the
 * next attempt starts again from the first unconfirmed event; attempts back off while the collector is down.
 * Runs on one virtual thread; tests call {@link #forwardNow()} instead.
 */
public final class SiemForwarder implements AutoCloseable {
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SiemForwarder.class);

    /** How often and how patiently it works; {@link #DEFAULT} in production, shorter in tests. */
    public record Tuning(Duration pollInterval, Duration firstBackoff, Duration maxBackoff, Duration gapGrace,
                         Duration probeWait) {
        public static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /** How a round ended. */
    public enum Outcome {
        /** Everything visible was forwarded. */
        CAUGHT_UP,
        /** Waiting: for an open transaction's id, or for the server that holds the lease. */
        WAITING,
        /** The collector could not be reached or did not confirm; the cursor stayed. */
        FAILED
    }

    private final SiemSettings settings;
    private final Tuning tuning;
    private final SSLSocketFactory tls;
    private final EventMessages messages;
    private final SiemCursors cursors;
    private final AuditTail tail;
    private final GapProbe probe;
    private final Object roundLock = new Object();
    private final GapWatch gaps;
    private volatile boolean closed;
    private volatile Thread worker;
    /** The batch's connection, so that close() can cut it off (interrupting the thread could upset H2's files). */
    private volatile SyslogConnection current;
    private boolean failing;

    public SiemForwarder(Database database, SiemSettings settings, String version, Tuning tuning) {
        this.settings = settings.requireValid();
        this.tuning = tuning;
        this.tls = settings.plainTcp() ? null : SiemTrust.socketFactory(settings.caFile());
        this.messages = new EventMessages(settings.format(), version, settings.maxMessageBytes());
        // Leases, retry and gap timing follow the real clock, never a test-mode clock moved forward.
        Clock clock = Clock.systemUTC();
        Duration leaseTime = settings.timeout().multipliedBy(6).plus(tuning.probeWait()).plusSeconds(30);
        this.cursors = new SiemCursors(database, clock, UUID.randomUUID().toString(), leaseTime);
        this.tail = new AuditTail(database);
        this.probe = new GapProbe(database, clock, tuning.probeWait());
        this.gaps = new GapWatch(tuning.gapGrace());
    }

    /** Forwards on a virtual thread until {@link #close()}. */
    public synchronized SiemForwarder start() {
        if (worker != null || closed) {
            throw new IllegalStateException("The SIEM forwarder starts once");
        }
        worker = Thread.ofVirtual().name("opensspr-siem").start(this::run);
        LOG.info("Forwarding the audit log to {} as {}", settings.destination(), settings.format());
        return this;
    }

    private void run() {
        Duration backoff = tuning.firstBackoff();
        while (!closed) {
            Outcome outcome;
            try {
                outcome = forwardNow();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable: back off as for the collector.
                LOG.warn("SIEM forwarding round failed: {}", e.toString());
                outcome = Outcome.FAILED;
            }
            Duration pause = tuning.pollInterval();
            if (outcome == Outcome.FAILED) {
                pause = backoff;
                backoff = backoff.multipliedBy(2).compareTo(tuning.maxBackoff()) > 0 ? tuning.maxBackoff()
                        : backoff.multipliedBy(2);
            } else {
                backoff = tuning.firstBackoff();
            }
            LockSupport.parkNanos(pause.toNanos()); // close() unparks
        }
    }

    /** One round: batches until caught up, stopped at an open transaction's id, or failed. */
    public Outcome forwardNow() {
        synchronized (roundLock) {
            while (!closed) {
                OptionalLong claimed = cursors.claim(settings.destination());
                if (claimed.isEmpty()) {
                    return Outcome.WAITING;
                }
                long cursor = claimed.getAsLong();
                AuditTail.Batch batch = tail.after(cursor, BATCH);
                if (!batch.events().isEmpty()) {
                    if (!send(batch.events())) {
                        return Outcome.FAILED;
                    }
                    if (!cursors.advance(settings.destination(), cursor, batch.events().getLast().id())) {
                        return Outcome.WAITING; // the lease ran out mid-batch; its new holder goes on
                    }
                    continue;
                }
                if (batch.gap() == null) {
                    return Outcome.CAUGHT_UP;
                }
                if (!settle(cursor, batch.gap())) {
                    return Outcome.WAITING;
                }
            }
            return Outcome.WAITING;
        }
    }

    /** Sends one batch; true once the collector confirmed it by closing in answer to our close. */
    private boolean send(List<SiemEvent> events) {
        Duration deadline = settings.timeout().multipliedBy(3);
        SyslogConnection connection = null;
        try {
            connection = SyslogConnection.open(settings.host(), settings.port(), tls, settings.timeout(), deadline);
            current = connection;
            if (closed) {
                return false;
            }
            for (SiemEvent event : events) {
                connection.write(messages.frame(event));
            }
            connection.finish();
            if (failing) {
                failing = false;
                LOG.info("The SIEM collector {} takes audit events again", settings.destination());
            }
            LOG.debug("Forwarded audit events {}–{} to {}", events.getFirst().id(), events.getLast().id(),
                    settings.destination());
            return true;
        } catch (IOException e) {
            if (!closed) {
                String why = connection != null && connection.timedOut()
                        ? "The collector did not take the batch within " + deadline.toSeconds() + " s" : e.toString();
                cursors.recordError(settings.destination(), why);
                failing = true;
                LOG.warn("Could not forward audit events from {} to {}; trying again later: {}", events.getFirst().id(),
                        settings.destination(), why);
            }
            return false;
        } finally {
            current = null;
            closeQuietly(connection);
        }
    }

    /**
     * Settles the ids missing right after the cursor; true when the cursor may go on. A gap is probed only
     * once it has stood for the grace period: an id is handed out an instant before its row reaches the index
     * the probe relies on.
     */
    private boolean settle(long cursor, AuditTail.Gap gap) {
        if (!gaps.dueForProbe(gap.from())) {
            return false;
        }
        long to = Math.min(gap.to(), gap.from() + GapProbe.MAX_IDS - 1);
        return switch (probe.probe(gap.from(), to)) {
            case OPEN -> false;
            case COMMITTED -> true;
            case NEVER_COMMITTED -> {
                LOG.info("Audit event ids {}–{} were never committed; the SIEM cursor passes them", gap.from(), to);
                yield cursors.advance(settings.destination(), cursor, to);
            }
        };
    }

    /** Every event up to this id reached the collector; retention must keep the ones after it. */
    public long forwardedThrough() {
        return cursors.lastForwarded(settings.destination());
    }

    public SiemStatus status() {
        return cursors.status(settings.destination(), settings.format());
    }

    private static void closeQuietly(SyslogConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // the batch's outcome is already decided
            }
        }
    }

    /** Stops forwarding and gives the lease up; a batch in flight is cut off, so it is sent again next time. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(current);
        Thread running = worker;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            cursors.release(settings.destination());
        } catch (RuntimeException e) {
            LOG.debug("Could not release the SIEM lease (it runs out by itself): {}", e.toString());
        }
    }
}
