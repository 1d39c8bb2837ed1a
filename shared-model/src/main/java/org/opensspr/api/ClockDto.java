package org.opensspr.api;

import java.time.Instant;

/** The server's time (test mode can move it forward). */
public record ClockDto(Instant now) {
}
