package org.opensspr.api;

import java.time.Instant;

/**
 * Where forwarding the audit log to a SIEM stands, as {@code GET /api/v1/audit/siem} answers it (needs READ_AUDIT).
 * Every server sharing the database answers the same: the state is the collector's cursor in the database.
 *
 * @param configured      whether this server forwards to a SIEM at all; when not, only this is present
 * @param destination     the collector, {@code host:port}
 * @param format          how each event is written: {@code CEF} or {@code JSON}
 * @param lastForwardedId every audit event up to this id reached the collector (0: none yet)
 * @param forwardedAt     when the last batch got through; absent before the first
 * @param waiting         events not forwarded yet
 * @param oldestWaitingAt when the oldest of them happened; absent when none waits
 * @param lastError       why the last attempt failed; absent once a batch got through
 * @param lastErrorAt     when it failed
 */
public record SiemForwardingDto(boolean configured, @OptionalField String destination, @OptionalField String format,
                                long lastForwardedId, @OptionalField Instant forwardedAt, long waiting,
                                @OptionalField Instant oldestWaitingAt, @OptionalField String lastError,
                                @OptionalField Instant lastErrorAt) {
    /** A server that forwards to no SIEM. */
    public static final SiemForwardingDto NOT_CONFIGURED =
            new SiemForwardingDto(false, null, null, 0, null, 0, null, null, null);
}
