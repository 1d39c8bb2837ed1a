package org.opensspr.server.db;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What H2's background writer would do for the embedded file, had {@code WRITE_DELAY=0} (ADR 11) not stopped
 * it, so that the file stays near its live data under sustained commits (ADR 35):
 * <ul>
 *   <li>every second it syncs the file to the disk, which lets H2 write over a dead chunk after
 *       {@link #RETENTION} instead of its default 45 s (H2 keeps a dead chunk until the disk has surely
 *       written what replaced it);</li>
 *   <li>every {@link #COMPACT_EVERY} it moves the live pages out of the sparsest chunks, so that those die too:
 *       an append-only table leaves a few final pages in nearly every commit's chunk.</li>
 * </ul>
 * Without both the file grew by what the commits wrote: 1.9 GB after 6.5 minutes of resets, 2 % of it live.
 */
final class H2FileUpkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileUpkeep.class);

    /** How long H2 keeps a dead chunk before writing over it; set in the file's URL. */
    static final Duration RETENTION = Duration.ofSeconds(5);
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);
    static final Duration COMPACT_EVERY = Duration.ofSeconds(2);
    /** Chunks with less than this percentage of their bytes live are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    /**
     * At most about this many bytes of live pages are moved per run: commits wait for the store's lock while a
     * run moves them (tens of milliseconds at the heaviest load measured).
     */
    static final int MOVE_PER_RUN = 4 << 20;
    /** How often a run asks for the store's lock (H2 waits 10 ms each time); under load commits hold it. */
    private static final int LOCK_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final FileUpkeepFigures figures = new FileUpkeepFigures();
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "opensspr-h2-file");
        thread.setDaemon(true);
        return thread;
    });

    private H2FileUpkeep(DataSource dataSource) {
        this.dataSource = dataSource;
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts looking after the H2 file behind {@code dataSource}. */
    static H2FileUpkeep start(DataSource dataSource) {
        H2FileUpkeep upkeep = new H2FileUpkeep(dataSource);
        upkeep.every(SYNC_EVERY, "sync", connection -> {
            long start = System.nanoTime();
            sync(connection);
            upkeep.figures.synced(System.nanoTime() - start);
        });
        upkeep.every(COMPACT_EVERY, "compaction", connection -> {
            long start = System.nanoTime();
            compact(connection);
            long took = System.nanoTime() - start;
            Optional<MVStore> store = storeOf(connection);
            if (store.isPresent()) {
                upkeep.figures.compacted(took, store.get().getFileStore().size(),
                        store.get().getFileStore().getChunksFillRate());
            }
        });
        return upkeep;
    }

    FileUpkeepFigures figures() {
        return figures;
    }

    private void every(Duration period, String name, SqlWork work) {
        String[] lastFailure = {null}; // only this task's thread reads and writes it
        executor.scheduleWithFixedDelay(() -> {
            try (Connection connection = dataSource.getConnection()) {
                work.run(connection);
                if (lastFailure[0] != null) {
                    LOG.info("The H2 file's {} works again", name);
                    lastFailure[0] = null;
                }
            } catch (SQLException | RuntimeException e) {
                // Logged once per kind of failure, not every second; the next run tries again.
                if (!e.toString().equals(lastFailure[0])) {
                    LOG.warn("The H2 file's {} failed: {}", name, e.toString());
                    lastFailure[0] = e.toString();
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Flushes the file's writes to the disk (fsync). */
    static void sync(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /** Moves live pages out of the sparsest chunks; says whether it moved any. */
    static boolean compact(Connection connection) throws SQLException {
        Optional<MVStore> file = storeOf(connection);
        if (file.isEmpty()) {
            return false;
        }
        MVStore store = file.get();
        // compact() says false both when the chunks are dense enough and when it didn't get the lock in time.
        for (int attempt = 0; attempt < LOCK_ATTEMPTS && store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE;
                attempt++) {
            if (store.compact(TARGET_FILL_RATE, MOVE_PER_RUN)) {
                return true;
            }
        }
        return false;
    }

    /** The percentage of the file's chunks' bytes that are live; empty for anything but an H2 file. */
    static Optional<Integer> chunksFillRate(Connection connection) throws SQLException {
        return storeOf(connection).map(store -> store.getFileStore().getChunksFillRate());
    }

    private static Optional<MVStore> storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return Optional.empty(); // H2 over TCP: its own process looks after its file
        }
        Store store = local.getDatabase().getStore();
        return store == null || store.getMvStore().getFileStore() == null ? Optional.empty()
                : Optional.of(store.getMvStore());
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** Stops the runs; one under way finishes first, so the pool may be closed after this returns. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The H2 file's upkeep didn't stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
