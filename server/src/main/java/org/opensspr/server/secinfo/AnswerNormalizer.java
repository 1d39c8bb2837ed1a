package org.opensspr.server.secinfo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How security answers are compared: "  Fluffy  THE cat " and "fluffy the cat" are the same answer.
 * Unicode compatibility forms are folded (a full-width letter or a ligature equals its plain form, a
 * no-break space is a space) and so is case (upper-then-lower with {@link Locale#ROOT}, so ß and ẞ
 * match SS and the result doesn't depend on the server's language), both repeated until nothing
 * changes; then runs of whitespace become one space and the ends are trimmed. Applying it twice
 * changes nothing (a jqwik property checks that).
 */
public final class AnswerNormalizer {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_ROUNDS = 4;

    private AnswerNormalizer() {
    }

    public static String normalize(String answer) {
        // One round isn't always enough (capital sharp s lower-cases to ß, which upper-cases to SS), so
        // fold until nothing changes; real text settles in one or two rounds.
        // Cased first, as typed: upper-casing can't then move a letter past a mark (ᾳ and U+0345 become
        // a letter iota, which canonical ordering would otherwise place differently in upper and lower case),
        // and since upper-casing twice is upper-casing once, an answer and its capitals start out equal.
        String folded = answer.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = foldOnce(folded);
            if (next.equals(folded)) {
                break;
            }
            folded = next;
        }
        return collapseWhitespace(folded);
    }

    private static String foldOnce(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return Normalizer.normalize(compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** Whitespace runs as one space, ends trimmed: the answer as its length is judged. */
    public static String collapseWhitespace(String answer) {
        return WHITESPACE.matcher(answer).replaceAll(" ").strip();
    }

    /** The length rules count characters as people do: code points, not UTF-16 units. */
    static int length(String answer) {
        String trimmed = collapseWhitespace(answer);
        return trimmed.codePointCount(0, trimmed.length());
    }
}
