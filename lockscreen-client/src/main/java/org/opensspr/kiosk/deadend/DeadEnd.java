package org.opensspr.kiosk.deadend;

import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.flow.DeadEndReason;

import java.time.Instant;

/**
 * Why a flow stops, as the person at the kiosk is told: the server's reasons plus what only the kiosk
 * can notice (no server, a session that ended). Always shown with whom to contact.
 *
 * @param retryAfter when trying again can work (blocked, busy kiosk), or null
 */
public record DeadEnd(Kind kind, Instant retryAfter, HelpdeskContactDto helpdesk) {

    public enum Kind {
        /** Every reason before the first gate: one answer for all (no account enumeration, issue 11). */
        CANNOT_RESET_HERE,
        BLOCKED,
        /** The flow's 15 minutes ran out, or it was ended (410). */
        SESSION_EXPIRED,
        /** Another reset of this account finished first. */
        ANOTHER_RESET_FINISHED,
        /** This kiosk started too many resets in a short time. */
        KIOSK_BUSY,
        /** The server refuses this kiosk (revoked, or not from an allowed network). */
        KIOSK_NOT_ALLOWED,
        SERVER_UNREACHABLE,
        /** The organization's directory refused the change for a reason the user can't fix (a right, the account). */
        DIRECTORY_REFUSED,
        UNEXPECTED;

        /** The kiosk's name for the server's reason. */
        public static Kind of(DeadEndReason reason) {
            return switch (reason) {
                case CANNOT_RESET_HERE -> CANNOT_RESET_HERE;
                case BLOCKED -> BLOCKED;
            };
        }

        /** The bundle key of the explanation (in {@link org.opensspr.ui.deadend.DeadEndWords#BUNDLE}). */
        public String messageKey() {
            return "deadend." + name();
        }
    }
}
