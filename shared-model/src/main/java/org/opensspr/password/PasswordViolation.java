package org.opensspr.password;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One reason a proposed password is refused. Typed, so the kiosk can word (and translate) the
 * message itself and the server can audit the reason without parsing text.
 */
public sealed interface PasswordViolation {

    /** Fewer characters (code points) than the policy's minimum. */
    record TooShort(int minimum, int actual) implements PasswordViolation {
    }

    /** More characters (code points) than the policy's maximum. */
    record TooLong(int maximum, int actual) implements PasswordViolation {
    }

    /** Too few kinds of character; {@code present} lists the kinds that were there. */
    record TooFewCharacterClasses(int required, Set<CharacterClass> present) implements PasswordViolation {
        public TooFewCharacterClasses {
            present = Collections.unmodifiableSet(
                    present.isEmpty() ? EnumSet.noneOf(CharacterClass.class) : EnumSet.copyOf(present));
        }
    }

    /** Characters outside the allowed set, each once, in order of first appearance. */
    record DisallowedCharacters(List<Integer> codePoints) implements PasswordViolation {
        public DisallowedCharacters {
            codePoints = List.copyOf(codePoints);
            if (codePoints.isEmpty()) {
                throw new IllegalArgumentException("a violation needs at least one character");
            }
        }

        /** The offending characters as "U+00E9" style names, readable even for tabs and controls. */
        public List<String> unicodeNames() {
            return codePoints.stream().map(cp -> String.format("U+%04X", cp)).toList();
        }
    }

    /** The new password is the one the user has now. */
    record SameAsCurrentPassword() implements PasswordViolation {
    }

    /** The banned-password score is below {@code required}; {@code matchedTerms} are normalized. */
    record BannedPassword(int score, int required, List<String> matchedTerms) implements PasswordViolation {
        public BannedPassword {
            matchedTerms = List.copyOf(Objects.requireNonNull(matchedTerms, "matchedTerms"));
        }
    }
}
