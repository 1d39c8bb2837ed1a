package org.opensspr.server.siem;

import java.time.Duration;

/** Remembers since when the forwarder has been looking at the same missing id. */
final class GapWatch {
    private final long graceNanos;
    private long gapFrom = -1;
    private long firstSeen;

    GapWatch(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** Whether the gap starting at {@code from} has stood for the grace period (the clock starts at its first sight). */
    synchronized boolean dueForProbe(long from) {
        long now = System.nanoTime();
        if (from != gapFrom) {
            gapFrom = from;
            firstSeen = now;
        }
        return now - firstSeen >= graceNanos;
    }
}
