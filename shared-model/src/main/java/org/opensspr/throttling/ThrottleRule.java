package org.opensspr.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * "{@code limit} counted events within {@code window} → blocked for {@code blockFor}", the one
 * shape every throttling rule of docs/design.md §11 has.
 *
 * <p>At each counted event {@code t} the rule counts the counted events in the sliding window
 * {@code (t − window, t]}; once that count reaches {@code limit}, the subject is blocked until
 * {@code t + blockFor}. Events at the same instant all fall into each other's window, so the
 * result depends on the events, never on the order they are listed in.
 *
 * @param name     stable identifier, used as the audit's failure reason
 * @param window   length of the sliding window
 * @param limit    counted events within one window that block
 * @param blockFor how long the block lasts from the event that reached the limit
 * @param counts   which events this rule counts
 */
public record ThrottleRule(String name, Duration window, int limit, Duration blockFor,
                           Predicate<ThrottleEvent> counts) {

    public ThrottleRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(blockFor, "blockFor");
        Objects.requireNonNull(counts, "counts");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        if (window.isNegative() || window.isZero() || blockFor.isNegative() || blockFor.isZero()) {
            throw new IllegalArgumentException("window and blockFor must be positive");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /**
     * The end of the latest block these events cause, whether or not it has already passed.
     * The caller drops events that no longer count (those before a clear) beforehand.
     */
    public Optional<Instant> blockedUntil(Collection<ThrottleEvent> events) {
        Instant[] times = events.stream().filter(counts).map(ThrottleEvent::at).sorted().toArray(Instant[]::new);
        Instant until = null;
        int oldest = 0;
        for (int i = 0; i < times.length; i++) {
            Instant windowStart = times[i].minus(window);
            while (!times[oldest].isAfter(windowStart)) {
                oldest++;
            }
            // Counting only up to i undercounts ties, but the last of equal instants sees them all
            // and yields the same end; times ascend, so the last hit is the latest end.
            if (i - oldest + 1 >= limit) {
                until = times[i].plus(blockFor);
            }
        }
        return Optional.ofNullable(until);
    }

    /** How far back a caller must load events for this rule to decide at any {@code now}. */
    public Duration horizon() {
        return window.plus(blockFor);
    }

    @Override
    public String toString() {
        // The predicate is a lambda; its default text says nothing useful.
        return name + "[" + limit + " in " + window + " → blocked " + blockFor + "]";
    }
}
