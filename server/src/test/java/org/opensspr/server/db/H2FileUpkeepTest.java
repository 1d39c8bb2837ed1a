package org.opensspr.server.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.opensspr.server.metrics.DatabaseMeters;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file under the server's kind of writes: small commits that append rows (audit events, throttle
 * events, flows, the outbox) while a clean-up deletes the old ones (ADR 35).
 */
class H2FileUpkeepTest {
    private static final int PEOPLE = 1_000;
    private static final String PAYLOAD = "x".repeat(150);
    /** Each writer's pause after a commit. */
    private static final Duration PACE = Duration.ofMillis(8);

    @TempDir
    Path directory;

    /**
     * The server's file as it runs: several writers commit for longer than {@link H2FileUpkeep#SHORT_RETENTION} many
     * times over. With H2's 45 s retention nothing written in this time is written over, and the file holds all
     * of it (measured: 277 MB of 277 MB); the upkeep keeps it to a fraction (56 MB of 275 MB).
     */
    @Test
    void underSustainedCommitsTheFileHoldsAFractionOfWhatWasWritten() throws Exception {
        Path data = directory.resolve("sustained");
        Duration churning = Duration.ofSeconds(30);
        try (Database db = Database.open(Database.h2FileUrl(data), null, null)) {
            db.inTransactionDo(tx -> tx.execute("create table churn (id bigint primary key, who int, payload varchar(200))"));
            db.inTransactionDo(tx -> tx.execute("create index ix_churn_who on churn (who)"));
            AtomicLong ids = new AtomicLong();
            long end = System.nanoTime() + churning.toNanos();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    running.add(writers.submit(() -> {
                        while (System.nanoTime() < end) {
                            long id = ids.incrementAndGet();
                            db.inTransactionDo(tx -> {
                                tx.execute("insert into churn values (?, ?, ?)", id, (int) (id * 7919 % PEOPLE), PAYLOAD);
                                tx.execute("delete from churn where id = ?", id - 2_000); // kept: the newest 2,000
                            });
                            Thread.sleep(PACE.toMillis()); // a few hundred commits a second, as at the heaviest load measured
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : running) {
                    writer.get();
                }
            } finally {
                writers.shutdownNow();
            }
            long written = db.inTransaction(tx -> Long.parseLong(tx.fetchValue(
                    "select setting_value from information_schema.settings where setting_name = 'info.FILE_WRITE_BYTES'")
                    .toString()));
            long size = Files.size(data.resolve("opensspr.mv.db"));
            System.out.printf("H2 file after %d commits in %s: %d MB of %d MB written, %d %% live%n", ids.get(), churning,
                    size >> 20, written >> 20, Math.round(db.fileUpkeepFigures().orElseThrow().liveShare() * 100));
            assertThat(size).as("the file's size against all that was written to it").isLessThan(written / 2);

            // What the meters show: the upkeep ran all along (about 30 syncs and 15 runs), and saw the file as it is.
            MeterRegistry meters = new SimpleMeterRegistry();
            DatabaseMeters.bindTo(meters, db.fileUpkeepFigures().orElseThrow());
            assertThat(meters.get("opensspr.db.file.sync").functionTimer().count()).isGreaterThanOrEqualTo(10);
            assertThat(meters.get("opensspr.db.file.compaction").functionTimer().count()).isGreaterThanOrEqualTo(5);
            assertThat(meters.get("opensspr.db.file.compaction.moving").functionCounter().count()).isPositive();
            assertThat(meters.get("opensspr.db.file.upkeep.failures").functionCounter().count()).isZero();
            assertThat(meters.get("opensspr.db.file.size").gauge().value()).isBetween(size / 2.0, size * 1.1);
            assertThat(meters.get("opensspr.db.file.live").gauge().value()).isBetween(0.0, 1.0);
        }
    }

    /** The short retention rests on the syncs: when they fall behind, H2 keeps dead chunks its default 45 s again. */
    @Test
    void syncsThatFallBehindPutTheRetentionBackToH2sDefault() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("overdue").resolve("opensspr") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create table t (id int primary key)");
            long[] now = {0};
            H2FileUpkeep upkeep = new H2FileUpkeep(H2FileUpkeep.storeOf(connection).orElseThrow(), () -> now[0]);
            assertThat(upkeep.retentionMillis()).as("H2's own default").isEqualTo(45_000);

            upkeep.sync();
            assertThat(upkeep.retentionMillis()).isEqualTo(5_000);
            now[0] += H2FileUpkeep.SYNC_OVERDUE.toNanos() / 2;
            upkeep.compact();
            assertThat(upkeep.retentionMillis()).as("a sync not yet overdue").isEqualTo(5_000);

            now[0] += H2FileUpkeep.SYNC_OVERDUE.toNanos();
            upkeep.compact();
            assertThat(upkeep.retentionMillis()).as("a sync overdue").isEqualTo(45_000);

            statement.execute("insert into t values (1)");
            upkeep.sync();
            assertThat(upkeep.retentionMillis()).as("synced again").isEqualTo(5_000);
            assertThat(upkeep.figures().syncs()).as("two syncs that had something to write").isEqualTo(2);
            upkeep.close();
        }
    }

    /** The compaction alone: a few final pages in every commit's chunk, moved out so that the chunks die. */
    @Test
    void compactionKeepsTheFileNearItsLiveData() throws SQLException {
        Churned without = churn(directory.resolve("without"), false);
        Churned with = churn(directory.resolve("with"), true);
        // Measured: 21 MB a tenth live without, 7 MB two fifths live with.
        assertThat(without.fillRate()).as("live share without compaction").isLessThan(20);
        assertThat(with.fillRate()).as("live share with compaction").isGreaterThanOrEqualTo(25);
        assertThat(with.bytes()).as("the file with compaction").isLessThan(without.bytes() / 2);
    }

    @Test
    void aDatabaseInMemoryHasNoFileToLookAfter() throws SQLException {
        try (Connection memory = DriverManager.getConnection("jdbc:h2:mem:upkeep")) {
            assertThat(H2FileUpkeep.storeOf(memory)).isEmpty();
        }
        try (Database memory = Database.open("jdbc:h2:mem:upkeep2;DATABASE_TO_LOWER=TRUE", null, null)) {
            assertThat(memory.fileUpkeepFigures()).as("no upkeep started").isEmpty();
        }
    }

    private record Churned(long bytes, int fillRate) {
    }

    /** 8,000 one-row commits on one plain connection (no server, no scheduled upkeep), compacted or not. */
    private static Churned churn(Path data, boolean compact) throws SQLException {
        // H2 keeps a dead chunk for its retention time before it writes over it: these few seconds of commits would
        // all fall within it, so the file keeps them no time at all and only the compaction differs.
        String url = "jdbc:h2:file:" + data.resolve("opensspr") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("create table churn (id bigint primary key, who int, payload varchar(200))");
            statement.execute("create index ix_churn_who on churn (who)");
            try (PreparedStatement insert = connection.prepareStatement("insert into churn values (?, ?, ?)")) {
                for (int i = 1; i <= 8_000; i++) {
                    insert.setLong(1, i);
                    insert.setInt(2, i * 7919 % PEOPLE);
                    insert.setString(3, PAYLOAD);
                    insert.executeUpdate(); // auto-commit: one commit, one chunk
                    if (compact && i % 250 == 0) {
                        H2FileUpkeep.compactOnce(H2FileUpkeep.storeOf(connection).orElseThrow());
                    }
                }
            }
            int fillRate = H2FileUpkeep.storeOf(connection).orElseThrow().getFileStore().getChunksFillRate();
            try (ResultSet size = statement.executeQuery(
                    "select setting_value from information_schema.settings where setting_name = 'info.FILE_SIZE'")) {
                size.next();
                return new Churned(Long.parseLong(size.getString(1)), fillRate);
            }
        }
    }
}
