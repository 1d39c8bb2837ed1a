package org.opensspr.server.metrics;

import org.opensspr.server.writeback.WritebackResult;

/** What a directory call came to: the {@code outcome} of {@code opensspr_writeback_seconds}. */
public enum WritebackOutcome {
    DONE,
    /** The directory's own rules refused it (password policy, a wrong current password). */
    REJECTED,
    NOT_FOUND,
    /** The directory could not be used and certainly did not change. */
    UNREACHABLE,
    /** The call broke off after the request went out: the directory may or may not have applied it. */
    UNKNOWN;

    public static WritebackOutcome of(WritebackResult result) {
        return switch (result) {
            case WritebackResult.Done done -> DONE;
            case WritebackResult.RejectedByPolicy rejected -> REJECTED;
            case WritebackResult.NotFound notFound -> NOT_FOUND;
            case WritebackResult.Unavailable unavailable -> unavailable.mayHaveApplied() ? UNKNOWN : UNREACHABLE;
        };
    }
}
