package org.opensspr.server.codes;

/** What {@link VerificationCodes#verify} found. */
public enum CodeCheck {
    /** The right code, in time; it is now used up. */
    VALID,
    /** Not the live code (or not 8 digits). A failed attempt for throttling. */
    WRONG,
    /** The live code's five minutes are over (checked before the digits are). */
    EXPIRED,
    /** The code was accepted already; a replay. */
    USED,
    /** No code was sent for this flow and method, or it was invalidated. */
    NOT_ISSUED
}
