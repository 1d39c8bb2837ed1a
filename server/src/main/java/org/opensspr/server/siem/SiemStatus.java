package org.opensspr.server.siem;

import org.opensspr.api.SiemForwardingDto;

import java.time.Duration;
import java.time.Instant;

/**
 * Where forwarding to the SIEM stands, for the console (and any server sharing the database sees the same):
 *
 * @param lastForwardedId every audit event up to this id reached the collector (0: none yet)
 * @param forwardedAt     when the cursor last moved; null before the first batch
 * @param waiting         events not forwarded yet
 * @param oldestWaitingAt when the oldest of them happened; null when none waits
 * @param lastError       why the last attempt failed; null once a batch got through
 */
public record SiemStatus(String destination, SiemFormat format, long lastForwardedId, Instant forwardedAt,
                         long waiting, Instant oldestWaitingAt, String lastError, Instant lastErrorAt) {

    /** The same for the API ({@code GET /audit/siem}). */
    public SiemForwardingDto toDto() {
        return new SiemForwardingDto(true, destination, format.name(), lastForwardedId, forwardedAt, waiting,
                oldestWaitingAt, lastError, lastErrorAt);
    }

    /** How far the SIEM lags behind the audit log at {@code now}: the age of the oldest waiting event. */
    public Duration lag(Instant now) {
        return oldestWaitingAt == null || now.isBefore(oldestWaitingAt) ? Duration.ZERO
                : Duration.between(oldestWaitingAt, now);
    }
}
