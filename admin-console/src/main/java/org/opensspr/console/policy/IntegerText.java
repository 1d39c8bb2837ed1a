package org.opensspr.console.policy;

import java.util.OptionalInt;

/** Reads a whole number typed into a field; anything else is an input problem, not a silent zero. */
public final class IntegerText {
    private IntegerText() {
    }

    public static OptionalInt parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value));
    }
}
