package org.opensspr.api;

/** A failure reason as the audit log writes it, and how often it happened in a report's range. */
public record ReasonCountDto(String reason, long count) {
}
