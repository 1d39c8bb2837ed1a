package org.opensspr.server.db;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the embedded H2 file's upkeep found and did (ADR 35), for the meters: the file's size and live share as the
 * last compaction run saw them, and how many syncs and compactions ran and how long they took. A compaction holds
 * H2's store lock, so every commit meanwhile waits: its time is the one to watch.
 */
public final class FileUpkeepFigures {
    private volatile long bytes;
    private volatile int livePercent = -1;
    private final LongAdder syncs = new LongAdder();
    private final LongAdder syncNanos = new LongAdder();
    private final LongAdder compactions = new LongAdder();
    private final LongAdder compactionNanos = new LongAdder();

    void synced(long nanos) {
        syncs.increment();
        syncNanos.add(nanos);
    }

    void compacted(long nanos, long fileBytes, int livePercent) {
        compactions.increment();
        compactionNanos.add(nanos);
        this.bytes = fileBytes;
        this.livePercent = livePercent;
    }

    /** The file's size in bytes at the last run (0 before the first). */
    public long bytes() {
        return bytes;
    }

    /** The share of the file's chunks' bytes that is live, 0 to 1 (NaN before the first run). */
    public double liveShare() {
        return livePercent < 0 ? Double.NaN : livePercent / 100.0;
    }

    public long syncs() {
        return syncs.sum();
    }

    public double syncSeconds() {
        return syncNanos.sum() / 1e9;
    }

    /** Compaction runs, whether or not they found chunks sparse enough to move pages out of. */
    public long compactions() {
        return compactions.sum();
    }

    public double compactionSeconds() {
        return compactionNanos.sum() / 1e9;
    }
}
