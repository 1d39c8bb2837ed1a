package org.opensspr.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * The two smart-lockout settings an administrator may change.
 *
 * @param threshold       counted failures before the first lockout
 * @param lockoutDuration length of the first lockout; each further one doubles, up to
 *                        {@link SmartLockout#MAX_LOCKOUT}
 */
public record LockoutSettings(int threshold, Duration lockoutDuration) {

    /** Entra's defaults: 10 failures, then 60 seconds. */
    public static final LockoutSettings DEFAULT = new LockoutSettings(10, Duration.ofSeconds(60));

    public LockoutSettings {
        Objects.requireNonNull(lockoutDuration, "lockoutDuration");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        if (lockoutDuration.isNegative() || lockoutDuration.isZero()
                || lockoutDuration.compareTo(SmartLockout.MAX_LOCKOUT) > 0) {
            throw new IllegalArgumentException(
                    "lockoutDuration must be positive and at most " + SmartLockout.MAX_LOCKOUT + ", was " + lockoutDuration);
        }
    }
}
