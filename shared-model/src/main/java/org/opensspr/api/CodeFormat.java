package org.opensspr.api;

/**
 * What a code the user types looks like: exactly {@code length} characters, only the digits 0–9 when
 * {@code digitsOnly} (else letters and digits). The server says it with every code challenge and refuses
 * a code of another shape before checking it; the kiosk's field takes exactly this shape. Whitespace
 * doesn't count, so a code read off a phone as "123 456" is the same as "123456".
 */
public record CodeFormat(int length, boolean digitsOnly) {

    public CodeFormat {
        if (length < 1) {
            throw new IllegalArgumentException("A code has at least one character, not " + length);
        }
    }

    /** A code of {@code length} digits (the email, SMS and Authenticator codes). */
    public static CodeFormat digits(int length) {
        return new CodeFormat(length, true);
    }

    /** The code as typed, without whitespace; "" for none. */
    public static String typed(String code) {
        return code == null ? "" : code.replaceAll("\\s+", "");
    }

    /** Whether one character may be part of such a code. */
    public boolean allows(int character) {
        return digitsOnly ? character >= '0' && character <= '9' : Character.isLetterOrDigit(character);
    }

    /** Whether {@code code}, whitespace aside, has this shape. */
    public boolean accepts(String code) {
        String typed = typed(code);
        return typed.length() == length && typed.chars().allMatch(this::allows);
    }
}
