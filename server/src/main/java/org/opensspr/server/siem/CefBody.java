package org.opensspr.server.siem;

/**
 * An audit event in ArcSight's Common Event Format:
 * {@code CEF:0|OpenSSPR|OpenSSPR|version|code|activity|severity|key=value …}. Standard extension keys where
 * CEF has one (rt, externalId, suser, duser, outcome, reason, msg), custom string fields for the rest.
 */
final class CefBody {
    static final String VENDOR = "OpenSSPR";
    static final String PRODUCT = "OpenSSPR";
    /** CEF severity 0–10: a success is routine (low), a failure worth a look (medium). */
    static final int SEVERITY_SUCCESS = 3;
    static final int SEVERITY_FAILURE = 6;

    private CefBody() {
    }

    static String render(SiemEvent event, String version, boolean detailsTruncated) {
        StringBuilder cef = new StringBuilder(256 + event.details().length());
        cef.append("CEF:0|").append(header(VENDOR)).append('|').append(header(PRODUCT)).append('|')
                .append(header(version)).append('|').append(header(event.activityCode())).append('|')
                .append(header(event.activity())).append('|')
                .append(event.failed() ? SEVERITY_FAILURE : SEVERITY_SUCCESS).append('|');
        cef.append("rt=").append(event.occurredAt().toEpochMilli());
        cef.append(" externalId=").append(event.id());
        field(cef, "suser", event.actor());
        field(cef, "duser", event.target());
        field(cef, "outcome", event.failed() ? "failure" : "success");
        field(cef, "reason", event.failureReason());
        if (event.kiosk() != null && !event.kiosk().isEmpty()) {
            field(cef, "cs1Label", "kiosk");
            field(cef, "cs1", event.kiosk());
        }
        field(cef, "msg", event.details());
        if (detailsTruncated) {
            field(cef, "cs2Label", "detailsTruncated");
            field(cef, "cs2", "true");
        }
        if (event.method() != null && !event.method().isEmpty()) {
            field(cef, "cs3Label", "method");
            field(cef, "cs3", event.method());
        }
        return cef.toString();
    }

    /** An empty value is left out: several CEF parsers take {@code key= next=…} for a value " next=…". */
    private static void field(StringBuilder cef, String key, String value) {
        if (!value.isEmpty()) {
            cef.append(' ').append(key).append('=').append(extension(value));
        }
    }

    /**
     * A header field: '\' and '|' escaped. CEF allows no line break in the header, and RFC 5424 asks senders
     * to avoid control characters, so those become spaces.
     */
    static String header(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '|') {
                escaped.append('\\').append(c);
            } else {
                escaped.append(isControl(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * An extension value: '\' and '=' escaped, line breaks written as \n and \r (CEF's multi-line values);
     * any other control character becomes a space (CEF has no escape for them).
     */
    static String extension(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '=' -> escaped.append("\\=");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(isControl(c) ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** Below 32: what RFC 5424 §6.4 asks senders to avoid (DEL is not among them). */
    private static boolean isControl(char c) {
        return c < 0x20;
    }
}
