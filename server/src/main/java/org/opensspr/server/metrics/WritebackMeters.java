package org.opensspr.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.opensspr.server.writeback.WritebackOperation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How long the on-premises directory took to answer a writeback, by operation and outcome. */
public final class WritebackMeters {
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(15)};

    private final Map<WritebackOperation, Map<WritebackOutcome, Timer>> timers = new EnumMap<>(WritebackOperation.class);

    public WritebackMeters(MeterRegistry registry) {
        for (WritebackOperation operation : WritebackOperation.values()) {
            Map<WritebackOutcome, Timer> byOutcome = new EnumMap<>(WritebackOutcome.class);
            for (WritebackOutcome outcome : WritebackOutcome.values()) {
                byOutcome.put(outcome, Timer.builder("opensspr.writeback")
                        .description("Directory calls that write a password or unlock an account back on premises")
                        .tag("operation", TagValues.of(operation)).tag("outcome", TagValues.of(outcome))
                        .serviceLevelObjectives(BUCKETS).register(registry));
            }
            timers.put(operation, byOutcome);
        }
    }

    /** Counts and times nothing: for a writeback built without the server's registry (tests, tools). */
    public static WritebackMeters discarding() {
        return new WritebackMeters(new CompositeMeterRegistry());
    }

    public void called(WritebackOperation operation, WritebackOutcome outcome, long nanos) {
        timers.get(operation).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
