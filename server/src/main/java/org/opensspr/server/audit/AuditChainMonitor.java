package org.opensspr.server.audit;

import org.opensspr.api.AuditChainState;
import org.opensspr.server.housekeeping.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Keeps the chain sealed and knows what its last verification found, for {@code GET /audit/chain} and the
 * console. Verification runs at start and after each retention cut (hourly), in the background.
 */
public final class AuditChainMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainMonitor.class);
    /** How soon a written event is linked: the window in which an edit is caught only by its own MAC. */
    public static final Duration SEAL_EVERY = Duration.ofSeconds(2);

    private final AuditChain chain;
    private final AuditChainVerifier verifier;
    private final AtomicReference<AuditChainState> last = new AtomicReference<>(AuditChainState.notChecked());
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "opensspr-audit-chain");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public AuditChainMonitor(AuditChain chain, AuditChainVerifier verifier) {
        this.chain = chain;
        this.verifier = verifier;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Verifies once in the background now, then links new events every {@link #SEAL_EVERY}. */
    public AuditChainMonitor start() {
        executor.execute(() -> quietly("verify", this::verify));
        executor.scheduleWithFixedDelay(() -> quietly("seal", this::seal), SEAL_EVERY.toMillis(),
                SEAL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (CancellationException e) {
            LOG.info("Audit chain: {} stopped as the server closes", what);
        } catch (RuntimeException e) {
            // The next round tries again; a database that is away for a while must not stop the sealing for good.
            LOG.warn("Audit chain: {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        // A verification in progress stops at its next progress report; the server then closes the database.
        closed = true;
        Background.stop(executor, "Audit chain", Duration.ofSeconds(30));
    }

    /** Links what was written since the last call; returns how many events were linked. */
    public int seal() {
        return chain.sealPending();
    }

    /** Seals, verifies the whole chain and remembers the result, logging a break once; returns links checked. */
    public int verify() {
        AuditChainState before = last.get();
        AuditChainState state = verifyNow(checked -> {
            if (closed) {
                throw new CancellationException("the server is closing");
            }
        });
        if (!state.intact() && before.status() != AuditChainState.Status.BROKEN) {
            // Said once per break found: the kind of change and where, never an event's content.
            LOG.error(AuditChainReport.describe(state));
        }
        return (int) Math.min(Integer.MAX_VALUE, state.linksChecked());
    }

    /** Seals, then verifies the whole chain, telling {@code progress} how many links were checked so far. */
    public AuditChainState verifyNow(LongConsumer progress) {
        chain.sealPending();
        AuditChainState state = verifier.verify(progress);
        last.set(state);
        return state;
    }

    /** Removes events past {@code retention} behind a checkpoint, then verifies what remains. */
    public int cut(Duration retention) {
        return cut(retention, Long.MAX_VALUE);
    }

    /** As {@link #cut(Duration)}, keeping every event after {@code throughId} (the SIEM's cursor, ADR 19). */
    public int cut(Duration retention, long throughId) {
        int removed = chain.cut(retention, throughId);
        verify();
        return removed;
    }

    public AuditChainState lastVerification() {
        return last.get();
    }
}
