package org.opensspr.server.db;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the embedded H2 file's upkeep found and did (ADR 35), for the meters: the file's size and live share as the
 * last compaction run saw them, how many syncs and compaction runs there were and how long they took, and how many
 * runs failed. A compaction run holds H2's store lock while it moves pages, so commits meanwhile wait.
 */
public final class FileUpkeepFigures {
    /** The file as one compaction run saw it; NaN before the first. */
    private record Seen(double bytes, double liveShare) {
    }

    private volatile Seen seen = new Seen(Double.NaN, Double.NaN);
    private final LongAdder syncs = new LongAdder();
    private final LongAdder syncNanos = new LongAdder();
    private final LongAdder compactions = new LongAdder();
    private final LongAdder compactionsMoving = new LongAdder();
    private final LongAdder compactionNanos = new LongAdder();
    private final LongAdder failures = new LongAdder();

    void synced(long nanos) {
        syncs.increment();
        syncNanos.add(nanos);
    }

    void compacted(boolean moved, long nanos, long fileBytes, int livePercent) {
        compactions.increment();
        if (moved) {
            compactionsMoving.increment();
        }
        compactionNanos.add(nanos);
        seen = new Seen(fileBytes, livePercent / 100.0);
    }

    void failed() {
        failures.increment();
    }

    /** The file's size in bytes at the last compaction run (NaN before the first). */
    public double bytes() {
        return seen.bytes();
    }

    /** The share of the file's chunks' bytes that is live, 0 to 1, at the last compaction run (NaN before the first). */
    public double liveShare() {
        return seen.liveShare();
    }

    /** Syncs that wrote something (one with nothing written since the last is skipped). */
    public long syncs() {
        return syncs.sum();
    }

    public double syncSeconds() {
        return syncNanos.sum() / 1e9;
    }

    /** Compaction runs, whether or not H2 found chunks to move pages out of (or its lock within 10 ms). */
    public long compactions() {
        return compactions.sum();
    }

    /** The compaction runs that moved pages. */
    public long compactionsMoving() {
        return compactionsMoving.sum();
    }

    /** All runs' time, including up to 10 ms each waiting for H2's lock. */
    public double compactionSeconds() {
        return compactionNanos.sum() / 1e9;
    }

    /** Syncs and compaction runs that failed (each kind of failure is also logged once). */
    public long failures() {
        return failures.sum();
    }
}
