package org.opensspr.server.siem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Syslog messages as RFC 5424 writes them, and the octet-counting frames RFC 5425 sends them in over TLS.
 * Octet counting (rather than a newline after each message) lets a message hold any byte; the formats still
 * keep newlines out of it, so that collectors writing one message per line stay readable.
 */
final class Rfc5424 {
    /** HOSTNAME and APP-NAME: what the collector files our messages under. */
    static final String HOST_AND_APP = "opensspr";
    /** security/authorization messages (private): password resets name people. */
    static final int FACILITY_AUTHPRIV = 10;
    static final int SEVERITY_WARNING = 4;
    static final int SEVERITY_INFORMATIONAL = 6;
    static final int MSGID_MAX = 32;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Rfc5424() {
    }

    static int priority(int facility, int severity) {
        if (facility < 0 || facility > 23 || severity < 0 || severity > 7) {
            throw new IllegalArgumentException("No such facility or severity: " + facility + "/" + severity);
        }
        return facility * 8 + severity;
    }

    /** TIMESTAMP in UTC to the microsecond, as the audit table keeps it. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A header field (MSGID and the like): 1 to {@code maxLength} printable US-ASCII characters, no space. */
    static String headerField(String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !value.chars().allMatch(c -> c >= 33 && c <= 126)) {
            throw new IllegalArgumentException("Not a syslog header field of at most " + maxLength + " characters: "
                    + value);
        }
        return value;
    }

    /** A PARAM-VALUE of structured data: '"', '\' and ']' are the three characters RFC 5424 escapes there. */
    static String paramValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** An SD-ELEMENT: {@code [id name="value" …]} from name/value pairs in order. */
    static String element(String id, String... namesAndValues) {
        StringBuilder element = new StringBuilder("[").append(headerField(id, 32));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            element.append(' ').append(headerField(namesAndValues[i], 32))
                    .append("=\"").append(paramValue(namesAndValues[i + 1])).append('"');
        }
        return element.append(']').toString();
    }

    /**
     * The whole message: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}. A MSG that
     * is plain ASCII goes as it is; any other is UTF-8 behind a byte-order mark, as RFC 5424 §6.4 requires.
     */
    static byte[] message(int priority, Instant time, String msgId, String structuredData, String msg) {
        String header = "<" + priority + ">1 " + timestamp(time) + " " + HOST_AND_APP + " " + HOST_AND_APP + " - "
                + headerField(msgId, MSGID_MAX) + " " + structuredData + " ";
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + msg.length() + 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        if (!isAscii(msg)) {
            out.writeBytes(BOM);
        }
        out.writeBytes(msg.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** RFC 5425 §4.3: {@code MSG-LEN SP SYSLOG-MSG}, the length in octets. */
    static byte[] frame(byte[] message) {
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + message.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(message, 0, frame, length.length, message.length);
        return frame;
    }

    static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }
}
