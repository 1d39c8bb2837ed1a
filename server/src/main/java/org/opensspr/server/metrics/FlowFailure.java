package org.opensspr.server.metrics;

/**
 * Why a reset or unlock flow did not go on: the {@code reason} of {@code opensspr_flows_failed_total}, a closed
 * set so the label never holds anything a person typed.
 */
public enum FlowFailure {
    /** The user's throttle blocked the flow (the BLOCKED dead end): too many failed proofs, sends or attempts. */
    BLOCKED,
    /** A start refused because the kiosk started too many flows; no flow begins, so none counts as started. */
    THROTTLED,
    /** Identification found an account that can't reset here (unknown, disabled, not enabled, not registered…). */
    INELIGIBLE,
    /** The user cancelled, or the kiosk went idle. */
    ABANDONED,
    /**
     * The on-premises directory refused the password or could not be reached. The flow stays at its step and the
     * user may try again, so one flow may count here more than once.
     */
    WRITEBACK_FAILED
}
