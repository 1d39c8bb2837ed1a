package org.opensspr.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.opensspr.server.db.WorkCount;

/**
 * What the server asked of its database: statements and committed transactions. Divided by resets, a reset's
 * database work; on the embedded H2 file each commit writes the pages it changed (WRITE_DELAY=0, ADR 11).
 */
public final class DatabaseMeters {
    private DatabaseMeters() {
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
