package org.opensspr.password;

/**
 * Entra's first step of the banned-password check: lower-case, then undo the common
 * look-alike substitutions 0→o, 1→l, $→s, @→a. Banned terms are normalized the same way.
 *
 * <p>Lower-casing is done per code point ({@link Character#toLowerCase(int)}), which is
 * locale-independent like {@code toLowerCase(Locale.ROOT)} but never changes the number of
 * characters (ROOT turns "İ" into two). Keeping one output character per input character keeps
 * the score's "1 point per character" honest for any input.
 */
public final class PasswordNormalizer {

    private PasswordNormalizer() {
    }

    public static String normalize(String text) {
        int[] codePoints = normalizedCodePoints(text);
        return new String(codePoints, 0, codePoints.length);
    }

    /** The normalized text as code points, one per input code point. */
    static int[] normalizedCodePoints(String text) {
        return text.codePoints().map(PasswordNormalizer::normalize).toArray();
    }

    static int normalize(int codePoint) {
        int lower = Character.toLowerCase(codePoint);
        return switch (lower) {
            case '0' -> 'o';
            case '1' -> 'l';
            case '$' -> 's';
            case '@' -> 'a';
            default -> lower;
        };
    }
}
