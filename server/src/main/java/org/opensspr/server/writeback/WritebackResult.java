package org.opensspr.server.writeback;

import org.opensspr.password.DirectoryRefusal;

import java.util.Objects;

/**
 * What the directory did with a writeback. Never carries a password: messages are the directory's
 * own diagnostics (with any password the caller sent scrubbed out) or our description of a failure.
 */
public sealed interface WritebackResult {
    Done DONE = new Done();
    NotFound NOT_FOUND = new NotFound();

    /** The directory applied the change. */
    record Done() implements WritebackResult {
    }

    /**
     * The directory refused the password (or the account) by its own rules, e.g. AD's
     * {@code 0000052D: Constraint violation … too short} or a wrong current password on a change.
     */
    record RejectedByPolicy(DirectoryRefusal reason, String directoryMessage) implements WritebackResult {
        public RejectedByPolicy {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(directoryMessage, "directoryMessage");
        }

        /** A refusal whose reason is read from the directory's text. */
        public RejectedByPolicy(String directoryMessage) {
            this(DirectoryRefusals.fromText(directoryMessage), directoryMessage);
        }
    }

    /**
     * The directory could not be used: connection refused, TLS failure, timeout, the service account
     * refused. {@code mayHaveApplied} is true when the change request had already been sent when the
     * failure happened (a timeout or a dropped connection while waiting for the reply): the directory may
     * have applied it, and nobody can tell from here.
     */
    record Unavailable(String why, boolean mayHaveApplied) implements WritebackResult {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }

        /** A failure before the change request reached the directory: it certainly did not apply. */
        public Unavailable(String why) {
            this(why, false);
        }
    }

    /** No directory entry matches the account. */
    record NotFound() implements WritebackResult {
    }

    /** Why it failed, as an audit entry says it (never the directory's own words, which may name the account); "" when done. */
    default String auditReason() {
        return switch (this) {
            case RejectedByPolicy rejected -> "rejected by the on-premises directory";
            case NotFound notFound -> "account not found in the on-premises directory";
            case Unavailable unavailable -> unavailable.mayHaveApplied()
                    ? "on-premises directory outcome unknown" : "on-premises directory unreachable";
            case Done done -> "";
        };
    }
}
