package org.opensspr.server.reset;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Holds an answer back until a floor has passed since its request began, so answers that did different
 * work (an unknown account, a known one) can't be told apart by how long they took.
 */
final class AnswerFloor {
    /** Waits for a stretch of time; the real one sleeps, a test's records what it was asked. */
    @FunctionalInterface
    interface Waiting {
        void waitFor(Duration time) throws InterruptedException;
    }

    private final Duration floor;
    private final LongSupplier nanoTime;
    private final Waiting waiting;

    AnswerFloor(Duration floor, LongSupplier nanoTime, Waiting waiting) {
        this.floor = Objects.requireNonNull(floor, "floor");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
    }

    /** A floor on the system's monotonic clock, held by sleeping. */
    static AnswerFloor of(Duration floor) {
        return new AnswerFloor(floor, System::nanoTime, Thread::sleep);
    }

    /** When a request began, for {@link #holdFrom}. */
    long start() {
        return nanoTime.getAsLong();
    }

    /** Returns once the floor has passed since {@code started}, at once if it already has. */
    void holdFrom(long started) {
        long remaining = floor.toNanos() - (nanoTime.getAsLong() - started);
        if (remaining <= 0) {
            return;
        }
        try {
            waiting.waitFor(Duration.ofNanos(remaining));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
