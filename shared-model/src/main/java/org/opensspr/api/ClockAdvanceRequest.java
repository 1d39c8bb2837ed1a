package org.opensspr.api;

/** Test mode: move the server's clock forward by this many seconds (1 s to 400 days). */
public record ClockAdvanceRequest(long seconds) {
}
