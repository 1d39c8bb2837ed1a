package org.opensspr.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counted flows' outcomes: completed resets by whether the user had a password before, failures, the last end. */
public final class FlowTally {
    final LongAdder resetsWithoutPassword = new LongAdder();
    final LongAdder resetsWithPassword = new LongAdder();
    final LongAdder failed = new LongAdder();
    /** Every completed reset, warm-up's too: the server's hashes are read between two moments, whoever did them. */
    private final LongAdder resetsAtAll = new LongAdder();
    private final AtomicLong lastEnd = new AtomicLong();
    private volatile boolean usersRanOut;

    public void completed(boolean hadPassword) {
        (hadPassword ? resetsWithPassword : resetsWithoutPassword).increment();
        ended();
    }

    public void failed() {
        failed.increment();
        ended();
    }

    void resetAtAll() {
        resetsAtAll.increment();
    }

    long resetsAtAll() {
        return resetsAtAll.sum();
    }

    void usersRanOut() {
        usersRanOut = true;
    }

    boolean didUsersRunOut() {
        return usersRanOut;
    }

    public long completed() {
        return resetsWithoutPassword.sum() + resetsWithPassword.sum();
    }

    public long failedFlows() {
        return failed.sum();
    }

    /** When the last counted flow ended ({@link System#nanoTime}), 0 if none did. */
    public long lastEnd() {
        return lastEnd.get();
    }

    private void ended() {
        lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
    }
}
