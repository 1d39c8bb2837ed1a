package org.opensspr.server.siem;

/**
 * What one audit event becomes on the wire: an RFC 5424 message (facility authpriv, a failure one severity
 * step above a success, MSGID the activity's code) carrying the event as CEF or JSON, framed by its length.
 * A message longer than the collector takes would be cut or split by it (rsyslog splits at its limit), so
 * over-long details are shortened here instead, and the event says they were.
 */
final class EventMessages {
    private final SiemFormat format;
    private final String version;
    private final int maxMessageBytes;
    private final String structuredData;

    EventMessages(SiemFormat format, String version, int maxMessageBytes) {
        this.format = format;
        this.version = version;
        this.maxMessageBytes = maxMessageBytes;
        // The registered "origin" element (RFC 5424 §7.2) names the software. OpenSSPR has no enterprise number
        // for an element of its own, so the event's fields travel in MSG.
        this.structuredData = Rfc5424.element("origin", "software", CefBody.PRODUCT, "swVersion", version);
    }

    /** The framed message, ready to write. */
    byte[] frame(SiemEvent event) {
        return Rfc5424.frame(message(event));
    }

    /** The message without its frame, at most the configured size unless even empty details don't fit. */
    byte[] message(SiemEvent event) {
        byte[] message = render(event, false);
        SiemEvent shortened = event;
        while (message.length > maxMessageBytes && !shortened.details().isEmpty()) {
            // Each character is at least one octet, so cutting the excess (and room for the flag) converges fast.
            int excess = message.length - maxMessageBytes + 64;
            shortened = shortened.withDetails(cut(shortened.details(), shortened.details().length() - excess));
            message = render(shortened, true);
        }
        return message;
    }

    private byte[] render(SiemEvent event, boolean detailsTruncated) {
        String body = switch (format) {
            case CEF -> CefBody.render(event, version, detailsTruncated);
            case JSON -> JsonBody.render(event, detailsTruncated);
        };
        int severity = event.failed() ? Rfc5424.SEVERITY_WARNING : Rfc5424.SEVERITY_INFORMATIONAL;
        return Rfc5424.message(Rfc5424.priority(Rfc5424.FACILITY_AUTHPRIV, severity), event.occurredAt(),
                event.activityCode(), structuredData, body);
    }

    /** The first {@code length} characters (none if negative), never splitting a surrogate pair. */
    private static String cut(String text, int length) {
        if (length <= 0) {
            return "";
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
