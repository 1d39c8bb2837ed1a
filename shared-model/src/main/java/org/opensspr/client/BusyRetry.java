package org.opensspr.client;

import org.opensspr.api.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A BUSY answer says the server did nothing with the call (ADR 28), so the call is made again after the wait the
 * server names, with jitter so turned-away callers don't return together, up to {@link #ATTEMPTS} calls in all.
 * Any other answer or failure goes to the caller at once.
 */
final class BusyRetry {
    /** Calls in all, over some 5–9 seconds. */
    static final int ATTEMPTS = 6;
    static final Duration LEAST_WAIT = Duration.ofMillis(200);
    static final Duration MOST_WAIT = Duration.ofSeconds(2);

    private BusyRetry() {
    }

    static <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (OpenSsprApiException e) {
                if (e.code() != ErrorCode.BUSY || attempt == ATTEMPTS || !pause(waitAfter(e, Instant.now()))) {
                    throw e;
                }
            }
        }
    }

    /** The server's Retry-After within bounds, plus up to half again. */
    static Duration waitAfter(OpenSsprApiException busy, Instant now) {
        Duration named = busy.retryAfter().map(at -> Duration.between(now, at)).orElse(MOST_WAIT);
        long millis = Math.clamp(named.toMillis(), LEAST_WAIT.toMillis(), MOST_WAIT.toMillis());
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /** False when interrupted: the caller gets the BUSY answer, and the interrupt stays set. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
