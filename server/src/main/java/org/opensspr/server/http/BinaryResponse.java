package org.opensspr.server.http;

/**
 * A non-JSON success body, such as an image.
 *
 * @param etag         a strong entity tag (quoted), or null; a matching If-None-Match gets 304 without the bytes
 * @param cacheControl replaces the API's default {@code no-store}, or null to keep it
 */
public record BinaryResponse(String contentType, byte[] bytes, String etag, String cacheControl) {
    /** Content that never changes under its URL may be kept for a year. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    public BinaryResponse(String contentType, byte[] bytes) {
        this(contentType, bytes, null, null);
    }

    /** Whether an If-None-Match header names this response's tag (or {@code *}); weak tags compare weakly. */
    public boolean matches(String ifNoneMatch) {
        if (etag == null || ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
