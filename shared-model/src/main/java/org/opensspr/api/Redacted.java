package org.opensspr.api;

/** How secrets appear in {@code toString()}: whether there is one, never what it is. */
final class Redacted {

    private Redacted() {
    }

    static String mark(String secret) {
        return secret == null ? "null" : "<redacted>";
    }
}
