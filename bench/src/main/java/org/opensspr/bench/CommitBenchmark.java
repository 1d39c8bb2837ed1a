package org.opensspr.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.opensspr.server.db.Tables.THROTTLE_EVENT;

/**
 * What synchronous H2 commits cost (ADR 11): one small transaction — a throttle event, as every reset
 * step writes — on the embedded H2 file with {@code WRITE_DELAY=0} (the server's setting) and with H2's
 * default of 500 ms, beside one Argon2id hash at the server's parameters, the cost a reset can't avoid.
 * Read the three as ratios of one run. Both files are opened as the server opens its own, so both have its
 * upkeep (ADR 35: a sync a second, compaction every 2 s) since 2026-12-07; figures from before don't compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommitBenchmark {
    @Param({"0", "500"})
    public int writeDelay;

    private Path directory;
    Database database;
    private final PasswordHasher hasher = PasswordHasher.owasp();

    @Setup
    public void open() throws Exception {
        directory = Files.createTempDirectory("opensspr-commit-bench");
        String url = Database.h2FileUrl(directory).replace("WRITE_DELAY=0", "WRITE_DELAY=" + writeDelay);
        database = Database.open(url, null, null);
    }

    @TearDown
    public void close() throws IOException {
        database.close();
        // The database is a throwaway: leave nothing behind in the temporary folder.
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public int commitOneEvent() {
        return database.inTransaction(tx -> tx.insertInto(THROTTLE_EVENT)
                .set(THROTTLE_EVENT.SUBJECT_KEY, "user:bench")
                .set(THROTTLE_EVENT.KIND, "FLOW_STARTED")
                .set(THROTTLE_EVENT.FAILED_PROOF, false)
                .set(THROTTLE_EVENT.OCCURRED_AT, DbTime.of(Instant.now()))
                .execute());
    }

    @Benchmark
    public String argon2idHash() {
        return hasher.hash("Lantern-Orbit-Kettle-58");
    }
}
