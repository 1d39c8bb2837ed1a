package org.opensspr.server.metrics;

import java.util.Locale;

/** Tag values as Prometheus labels usually read: an enum constant in lower case ({@code MOBILE_APP_CODE} → {@code mobile_app_code}). */
final class TagValues {
    private TagValues() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String of(boolean value) {
        return Boolean.toString(value);
    }
}
