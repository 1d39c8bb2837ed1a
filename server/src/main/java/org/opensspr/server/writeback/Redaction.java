package org.opensspr.server.writeback;

/**
 * Keeps passwords out of messages that get stored or shown. Directories don't echo passwords in their
 * diagnostics, but a message is stored in the intent record and shown to admins, so we don't rely on it.
 */
final class Redaction {
    static final String MARK = "[redacted]";
    static final String WITHHELD = "(message withheld: it could reveal a password)";
    private static final int MAX_LENGTH = 1000;

    private Redaction() {
    }

    /** The message with every occurrence of each secret replaced and its length bounded. */
    static String scrub(String message, String... secrets) {
        String text = message == null ? "" : message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, MARK);
            }
        }
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH - 1) + "…";
        }
        // A replacement can meet its neighbours to spell a secret again ("x" + "[redacted]" for "x["),
        // and a secret can hide inside the mark itself: then show nothing rather than a password. A secret
        // short enough to occur in the notice itself (a one-letter password) leaves no text at all.
        if (containsAny(text, secrets)) {
            return containsAny(WITHHELD, secrets) ? "" : WITHHELD;
        }
        return text;
    }

    private static boolean containsAny(String text, String... secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && text.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
