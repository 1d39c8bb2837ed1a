package org.opensspr.throttling;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded event that throttling counts.
 *
 * @param at          when it happened (the server's clock when it stored the row)
 * @param kind        what happened
 * @param failedProof the user tried to prove who they are and failed: a wrong code, a wrong
 *                    answer, a denied notification; only proof attempts can fail
 */
public record ThrottleEvent(Instant at, ThrottleEventKind kind, boolean failedProof) {

    public ThrottleEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (failedProof && !kind.proofAttempt()) {
            throw new IllegalArgumentException(kind + " is not a proof attempt, so it cannot fail");
        }
    }

    /** A send, a flow start, a clear, or a proof attempt that succeeded. */
    public static ThrottleEvent of(Instant at, ThrottleEventKind kind) {
        return new ThrottleEvent(at, kind, false);
    }

    /** A proof attempt that failed. */
    public static ThrottleEvent failed(Instant at, ThrottleEventKind kind) {
        return new ThrottleEvent(at, kind, true);
    }
}
