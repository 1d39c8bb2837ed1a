package org.opensspr.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an account stands with smart lockout at one moment.
 *
 * @param locked                whether sign-in is refused at the moment this state was computed for
 * @param lockedUntil           end of the latest lockout still remembered (may lie in the past)
 * @param failuresTowardLockout counted failures since the last lockout (or since memory was reset)
 * @param lockouts              lockouts still remembered; after the first, every counted failure locks again
 */
public record LockoutState(boolean locked, Optional<Instant> lockedUntil, int failuresTowardLockout, int lockouts) {

    /** A clean account: nothing remembered. */
    public static final LockoutState CLEAR = new LockoutState(false, Optional.empty(), 0, 0);

    public LockoutState {
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        if (locked && lockedUntil.isEmpty()) {
            throw new IllegalArgumentException("a locked state needs its end");
        }
        if (failuresTowardLockout < 0 || lockouts < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** How long sign-in stays refused after {@code now}; zero when not locked then. */
    public Duration remaining(Instant now) {
        return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until)).orElse(Duration.ZERO);
    }
}
