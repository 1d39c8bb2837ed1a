package org.opensspr.server.secinfo;

/** What {@link UserTotp#verify} found. */
public enum TotpCheck {
    /** The current code (±1 step); its step can't be used again. */
    ACCEPTED,
    /** Not a code of this user's app in the window around now. A failed attempt for throttling. */
    WRONG,
    /** A right code whose step was accepted already: a replay. */
    ALREADY_USED,
    /** The user has no Authenticator app registered. */
    NOT_REGISTERED
}
