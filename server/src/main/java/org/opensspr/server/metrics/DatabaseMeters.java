package org.opensspr.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.opensspr.server.db.FileUpkeepFigures;
import org.opensspr.server.db.WorkCount;

import java.util.concurrent.TimeUnit;

/**
 * What the server asked of its database: statements and committed transactions. Divided by resets, a reset's
 * database work; on the embedded H2 file each commit writes the pages it changed (WRITE_DELAY=0, ADR 11). On that
 * file also the file itself: its size, live share and upkeep (ADR 35).
 */
public final class DatabaseMeters {
    private DatabaseMeters() {
    }

    /** The embedded H2 file's size and live share, and its upkeep's syncs and compactions (ADR 35). */
    public static void bindTo(MeterRegistry registry, FileUpkeepFigures file) {
        Gauge.builder("opensspr.db.file.size", file, FileUpkeepFigures::bytes).baseUnit("bytes")
                .description("The embedded H2 file's size at its last compaction run")
                .register(registry);
        Gauge.builder("opensspr.db.file.live", file, FileUpkeepFigures::liveShare).baseUnit("ratio")
                .description("The share of the embedded H2 file's chunks' bytes that is live data, 0 to 1")
                .register(registry);
        FunctionTimer.builder("opensspr.db.file.sync", file, FileUpkeepFigures::syncs,
                        FileUpkeepFigures::syncSeconds, TimeUnit.SECONDS)
                .description("Syncs of the embedded H2 file to the disk (every second, when it was written)")
                .register(registry);
        FunctionTimer.builder("opensspr.db.file.compaction", file, FileUpkeepFigures::compactions,
                        FileUpkeepFigures::compactionSeconds, TimeUnit.SECONDS)
                .description("Compaction runs of the embedded H2 file (every 2 s), with their waits for its lock")
                .register(registry);
        FunctionCounter.builder("opensspr.db.file.compaction.moving", file, FileUpkeepFigures::compactionsMoving)
                .description("Compaction runs of the embedded H2 file that moved pages; commits wait meanwhile")
                .register(registry);
        FunctionCounter.builder("opensspr.db.file.upkeep.failures", file, FileUpkeepFigures::failures)
                .description("Syncs and compaction runs of the embedded H2 file that failed (also logged)")
                .register(registry);
    }

    public static void bindTo(MeterRegistry registry, WorkCount work) {
        FunctionCounter.builder("opensspr.db.statements", work, WorkCount::statements)
                .description("SQL statements the server ran")
                .register(registry);
        FunctionCounter.builder("opensspr.db.transactions", work, WorkCount::transactions)
                .description("Transactions the server committed (single statements outside one not counted)")
                .register(registry);
    }
}
