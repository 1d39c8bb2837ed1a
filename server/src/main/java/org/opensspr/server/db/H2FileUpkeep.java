package org.opensspr.server.db;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.opensspr.server.housekeeping.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What H2's background writer would do for the embedded file, had {@code WRITE_DELAY=0} (ADR 11) not stopped
 * it, so that the file doesn't grow by everything its commits write (ADR 35):
 * <ul>
 *   <li>every second it syncs the file to the disk, which lets H2 write over a dead chunk after
 *       {@link #SHORT_RETENTION} instead of its default 45 s (H2 keeps a dead chunk until the disk has surely
 *       written what replaced it). Should the syncs stop or fall behind, the retention goes back to 45 s until
 *       they catch up;</li>
 *   <li>every {@link #COMPACT_EVERY}, while less than half of the chunks' bytes are live, it lets H2 move up to
 *       {@link #MOVE_PER_RUN} of live pages out of the chunks it ranks sparsest and oldest, so that those die
 *       too: an append-only table leaves a few final pages in nearly every commit's chunk.</li>
 * </ul>
 * Each runs on a thread of its own, on the store directly: neither takes a pooled connection, nor waits for the
 * other. The retention is set on the open store, not in the file, so whatever opens the file without this upkeep
 * (H2's own tools) gets H2's default.
 */
final class H2FileUpkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileUpkeep.class);

    static final Duration SHORT_RETENTION = Duration.ofSeconds(5);
    /** H2's default, for a file whose syncs have fallen behind. */
    static final Duration DEFAULT_RETENTION = Duration.ofSeconds(45);
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);
    /** Syncs older than this put the retention back to H2's default: the short one assumes them. */
    static final Duration SYNC_OVERDUE = SHORT_RETENTION.minus(SYNC_EVERY);
    static final Duration COMPACT_EVERY = Duration.ofSeconds(2);
    /** H2 compacts only while less than this percentage of its chunks' bytes are live. */
    static final int TARGET_FILL_RATE = 50;
    /**
     * At most about this many bytes of live pages are moved per run: commits wait for the store's lock while a
     * run moves them.
     */
    static final int MOVE_PER_RUN = 4 << 20;

    private final MVStore store;
    private final FileUpkeepFigures figures = new FileUpkeepFigures();
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, runnable -> {
        Thread thread = new Thread(runnable, "opensspr-h2-file");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier nanoTime;
    private volatile long lastSyncNanos;
    private long writesAtLastSync = -1; // the sync thread's alone

    /** Not started: {@link #start} schedules the runs; a test calls them itself, on a clock of its own. */
    H2FileUpkeep(MVStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
        this.lastSyncNanos = nanoTime.getAsLong();
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts looking after the H2 file behind {@code dataSource}; empty if it isn't an H2 file in this process. */
    static Optional<H2FileUpkeep> start(DataSource dataSource) {
        Optional<MVStore> file;
        try (Connection connection = dataSource.getConnection()) {
            file = storeOf(connection);
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("The database file could not be looked at", e);
        }
        return file.map(store -> {
            H2FileUpkeep upkeep = new H2FileUpkeep(store, System::nanoTime);
            upkeep.retainDeadChunksFor(SHORT_RETENTION);
            upkeep.every(SYNC_EVERY, "sync", upkeep::sync);
            upkeep.every(COMPACT_EVERY, "compaction", upkeep::compact);
            return upkeep;
        });
    }

    private void every(Duration period, String name, Runnable work) {
        String[] lastFailure = {null}; // only this task's runs read and write it, one after the other
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
                if (lastFailure[0] != null) {
                    LOG.info("The H2 file's {} works again", name);
                    lastFailure[0] = null;
                }
            } catch (Throwable e) { // an Error too: a task that throws is never run again
                figures.failed();
                // Logged once per kind of failure, not every second; the next run tries again.
                if (!e.getClass().getName().equals(lastFailure[0])) {
                    LOG.error("The H2 file's {} failed: {}", name, e.toString());
                    lastFailure[0] = e.getClass().getName();
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Flushes the file's writes to the disk (fsync), unless nothing was written since the last time. */
    void sync() {
        long start = System.nanoTime();
        long writes = store.getFileStore().getWriteCount();
        if (writes != writesAtLastSync) {
            store.sync();
            writesAtLastSync = writes;
            figures.synced(System.nanoTime() - start);
        }
        lastSyncNanos = nanoTime.getAsLong();
        retainDeadChunksFor(SHORT_RETENTION);
    }

    /** Lets H2 move live pages out of its sparsest chunks, and first checks that the syncs keep up. */
    void compact() {
        if (nanoTime.getAsLong() - lastSyncNanos > SYNC_OVERDUE.toNanos()) {
            retainDeadChunksFor(DEFAULT_RETENTION);
        }
        long start = System.nanoTime();
        boolean moved = compactOnce(store);
        figures.compacted(moved, System.nanoTime() - start, store.getFileStore().size(),
                store.getFileStore().getChunksFillRate());
    }

    /** One compaction run on {@code store}; says whether it moved pages. */
    static boolean compactOnce(MVStore store) {
        // False both when the chunks are dense enough and when it didn't get the lock within H2's 10 ms.
        return store.compact(TARGET_FILL_RATE, MOVE_PER_RUN);
    }

    int retentionMillis() {
        return store.getRetentionTime();
    }

    private void retainDeadChunksFor(Duration retention) {
        if (store.getRetentionTime() != retention.toMillis()) {
            if (retention.equals(DEFAULT_RETENTION)) {
                LOG.warn("The H2 file's last sync is over {} s old: dead chunks are kept {} s until syncs catch up",
                        SYNC_OVERDUE.toSeconds(), retention.toSeconds());
            }
            store.setRetentionTime((int) retention.toMillis());
        }
    }

    FileUpkeepFigures figures() {
        return figures;
    }

    /** The store of the H2 file behind {@code connection}; empty for anything but an H2 file in this process. */
    static Optional<MVStore> storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return Optional.empty(); // H2 over TCP: its own process looks after its file
        }
        org.h2.mvstore.db.Store store = local.getDatabase().getStore();
        return store == null || store.getMvStore().getFileStore() == null ? Optional.empty()
                : Optional.of(store.getMvStore());
    }

    /** Stops the runs; one under way finishes first, so the store may be closed after this returns. */
    @Override
    public void close() {
        Background.stop(executor, "The H2 file's upkeep", Duration.ofSeconds(30));
    }
}
