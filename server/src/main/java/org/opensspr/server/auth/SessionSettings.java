package org.opensspr.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How long administrator sessions live.
 *
 * @param idleTimeout      a session unused this long has ended
 * @param absoluteLifetime a session ends this long after sign-in however busy it is
 * @param touchInterval    last use is written at most this often (fewer writes; idle expiry may come
 *                         up to this much early)
 */
public record SessionSettings(Duration idleTimeout, Duration absoluteLifetime, Duration touchInterval) {
    public static final SessionSettings DEFAULT =
            new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(1));

    public SessionSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (!idleTimeout.isPositive() || !absoluteLifetime.isPositive() || touchInterval.isNegative()
                || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("need positive lifetimes and a touch interval below the idle timeout");
        }
    }
}
