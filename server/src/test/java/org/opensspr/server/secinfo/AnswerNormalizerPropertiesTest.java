package org.opensspr.server.secinfo;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerNormalizerPropertiesTest {

    @Property(tries = 2000)
    void normalizingTwiceChangesNothing(@ForAll String answer) {
        String once = AnswerNormalizer.normalize(answer);

        assertThat(AnswerNormalizer.normalize(once)).isEqualTo(once);
    }

    /** The same over the characters where case mapping and compatibility folding are known to interact. */
    @Property(tries = 3000)
    void normalizingTrickyTextTwiceChangesNothing(@ForAll("trickyText") String answer) {
        String once = AnswerNormalizer.normalize(answer);

        assertThat(AnswerNormalizer.normalize(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> trickyText() {
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", " ", "\t", "\u00A0", "\u3000", "\u2028", "ß", "\u1E9E",
                "İ", "ı", "i", "\u0307", "ǅ", "Σ", "ς", "σ", "ΐ", "\u0345", "\u0300", "\u0342", "ᾳ", "ℌ", "Ⅻ", "ﬁ", "ﬀ", "ŉ", "ǰ",
                "\uFF8A", "\uFF9F", "e", "\u0301", "\u212B", "Å", "\u2126", "\u00B5", "\u017F", "\u1E9B", "\uD835\uDC00");
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property
    void caseAndSurroundingSpaceNeverMatter(@ForAll String answer) {
        assertThat(AnswerNormalizer.normalize("  " + answer.toUpperCase(Locale.ROOT) + "\t"))
                .isEqualTo(AnswerNormalizer.normalize(answer));
    }

    /** Found by the property above: a combining ypogegrammeni before another mark once matched only in lower case. */
    @Property(tries = 5000)
    void caseNeverMattersInTrickyText(@ForAll("trickyText") String answer) {
        assertThat(AnswerNormalizer.normalize(answer.toUpperCase(Locale.ROOT)))
                .isEqualTo(AnswerNormalizer.normalize(answer));
    }

    /** Why casing the typed text first makes case never matter: casing per character is idempotent. */
    @Example
    void upperCasingTwiceIsUpperCasingOnceForEveryCharacter() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String once = Character.toString(codePoint).toUpperCase(Locale.ROOT);
            assertThat(once.toUpperCase(Locale.ROOT)).as("U+%04X", codePoint).isEqualTo(once);
        }
    }

    @Example
    void aCombiningIotaBeforeAnotherMarkIsStillCaseless() {
        assertThat(AnswerNormalizer.normalize("\u0345\u0300".toUpperCase(Locale.ROOT)))
                .isEqualTo(AnswerNormalizer.normalize("\u0345\u0300"));
        assertThat(AnswerNormalizer.normalize("ᾳ\u0307".toUpperCase(Locale.ROOT)))
                .isEqualTo(AnswerNormalizer.normalize("ᾳ\u0307"));
    }

    @Property
    void theResultHasNoOuterOrRepeatedSpaces(@ForAll String answer) {
        String normalized = AnswerNormalizer.normalize(answer);

        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    }
}
