package org.opensspr.server.delivery;

import java.time.Duration;

/**
 * When a failed message is tried again: the first retry after {@code firstDelay}, each later one
 * after twice the previous delay, never more than {@code maxDelay} apart; after {@code maxAttempts}
 * attempts the message is FAILED. {@code lease} hides a message that one worker has claimed from the
 * others — longer than any single send can take, short enough that a crashed server's message is
 * soon picked up by another.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration lease) {
    /** 30 s, 1 min, 2 min, … at most 30 min apart; 10 attempts; a 5-minute lease. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(30), 10,
            Duration.ofMinutes(5));

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must be positive, the maximum at least the first");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("The lease must be positive");
        }
    }

    /** The wait after the given number of failed attempts (1 = the first attempt failed). */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
