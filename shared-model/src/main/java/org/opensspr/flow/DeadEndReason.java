package org.opensspr.flow;

/** Why a flow can't go on; each has its own message at the kiosk, always with the helpdesk contact. */
public enum DeadEndReason {
    /** Unknown, disabled, not enabled or not registered: one identical answer (no account enumeration). */
    CANNOT_RESET_HERE,
    /** Throttled: too many attempts or sends; try again after the time given. */
    BLOCKED
    // A flow past its 15 minutes is no dead end: its ticket answers 410 FLOW_EXPIRED (docs/design.md §13).
}
