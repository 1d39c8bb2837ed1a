package org.opensspr.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Whether a user (or kiosk) may go on right now. */
public sealed interface ThrottleDecision {

    ThrottleDecision OPEN = new Open();

    default boolean isBlocked() {
        return this instanceof Blocked;
    }

    /** Nothing blocks. */
    record Open() implements ThrottleDecision {
    }

    /**
     * Blocked until {@code until} because of {@code rule} (the rule whose block ends last).
     */
    record Blocked(Instant until, ThrottleRule rule) implements ThrottleDecision {

        public Blocked {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(rule, "rule");
        }

        /** What to tell the user: how long until they may try again. */
        public Duration remaining(Instant now) {
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }
    }
}
