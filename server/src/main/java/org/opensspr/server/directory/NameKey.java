package org.opensspr.server.directory;

import java.util.Locale;

/**
 * The lower-cased form of a name that the directory lists search and sort by (ADR 18): stripped, lower-cased
 * without regard to the server's locale, and cut to its column's length (lower-casing may lengthen a
 * string, e.g. "İ" becomes two characters).
 */
public final class NameKey {
    /** Columns {@code display_name_key}, {@code given_name_key} and {@code surname_key}. */
    public static final int DISPLAY_NAME = 512;
    public static final int NAME = 256;

    private NameKey() {
    }

    public static String of(String name, int columnLength) {
        if (name == null) {
            return "";
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.length() <= columnLength) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(columnLength - 1)) ? columnLength - 1 : columnLength;
        return key.substring(0, end);
    }

    public static String displayName(String name) {
        return of(name, DISPLAY_NAME);
    }

    public static String name(String name) {
        return of(name, NAME);
    }
}
