package org.opensspr.server.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock. In production it is the system clock; in test mode tests may move it forward
 * (never back) to cross expiry and throttling boundaries without waiting.
 */
public final class ServerClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final boolean movable;

    private ServerClock(Clock base, boolean movable) {
        this.base = base;
        this.movable = movable;
    }

    public static ServerClock system() {
        return new ServerClock(Clock.systemUTC(), false);
    }

    public static ServerClock movable(Clock base) {
        return new ServerClock(base, true);
    }

    public boolean isMovable() {
        return movable;
    }

    /** Moves the clock forward; refused outside test mode. */
    public Instant advance(Duration by) {
        if (!movable) {
            throw new IllegalStateException("The clock only moves in test mode");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The server clock is always UTC");
    }
}
