package org.opensspr.password;

import java.util.Objects;
import java.util.Optional;

/**
 * The composition rules for cloud passwords, as plain data so the server can send them to a
 * kiosk up front and the kiosk can check as the user types (the server still decides).
 *
 * @param minLength                minimum length in characters (Unicode code points)
 * @param maxLength                maximum length in characters
 * @param requiredCharacterClasses how many of the {@link CharacterClass}es must appear
 * @param allowedSymbols           every allowed non-alphanumeric character, the space included
 */
public record PasswordRequirements(int minLength, int maxLength, int requiredCharacterClasses,
                                   String allowedSymbols) {

    /** Entra's allowed symbols (its password policy doc); the leading space is one of them. */
    public static final String ENTRA_SYMBOLS = " @#$%^&*-_!+=[]{}|\\:',.?/`~\"();<>";

    /** Entra's policy for cloud users: 8–256 characters, 3 of 4 classes, its symbol set. */
    public static final PasswordRequirements CLOUD = new PasswordRequirements(8, 256, 3, ENTRA_SYMBOLS);

    public PasswordRequirements {
        Objects.requireNonNull(allowedSymbols, "allowedSymbols");
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got " + minLength + ".." + maxLength);
        }
        int classCount = CharacterClass.values().length;
        if (requiredCharacterClasses < 1 || requiredCharacterClasses > classCount) {
            throw new IllegalArgumentException("requiredCharacterClasses must be 1.." + classCount);
        }
        // A letter or digit listed as a "symbol" would be counted twice by the class rule.
        if (allowedSymbols.codePoints().anyMatch(cp -> isAsciiLetterOrDigit(cp) || cp > 0x7E || cp < 0x20)) {
            throw new IllegalArgumentException("allowedSymbols must be printable ASCII other than letters and digits");
        }
    }

    /** How many classes there are to choose from (the "4" in "3 of 4"). */
    public int characterClassCount() {
        return CharacterClass.values().length;
    }

    /** True for A–Z, a–z, 0–9 and the allowed symbols; everything else is refused. */
    public boolean allows(int codePoint) {
        return classOf(codePoint).isPresent();
    }

    /** The class an allowed character counts towards; empty for a character that isn't allowed. */
    public Optional<CharacterClass> classOf(int codePoint) {
        if (codePoint >= 'a' && codePoint <= 'z') {
            return Optional.of(CharacterClass.LOWER_CASE);
        }
        if (codePoint >= 'A' && codePoint <= 'Z') {
            return Optional.of(CharacterClass.UPPER_CASE);
        }
        if (codePoint >= '0' && codePoint <= '9') {
            return Optional.of(CharacterClass.DIGIT);
        }
        if (allowedSymbols.indexOf(codePoint) >= 0) {
            return Optional.of(CharacterClass.SYMBOL);
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
}
