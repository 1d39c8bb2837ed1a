package org.opensspr.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedCharactersRuleTest {

    private final AllowedCharactersRule rule = new AllowedCharactersRule(PasswordRequirements.CLOUD);

    /** Spelled out from Entra's password policy doc, independently of the production constant. */
    @ParameterizedTest(name = "symbol ''{0}''")
    @ValueSource(chars = {' ', '@', '#', '$', '%', '^', '&', '*', '-', '_', '!', '+', '=', '[', ']', '{', '}',
            '|', '\\', ':', '\'', ',', '.', '?', '/', '`', '~', '"', '(', ')', ';', '<', '>'})
    void acceptsEachSymbolOfEntrasList(char symbol) {
        var candidate = PasswordCandidate.of("Abc1" + symbol + "xyz");

        assertThat(rule.check(candidate)).isEmpty();
        assertThat(PasswordRequirements.CLOUD.classOf(symbol)).contains(CharacterClass.SYMBOL);
    }

    @Test
    void acceptsEveryPrintableAsciiCharacterBecauseEntrasSymbolsCoverAllAsciiPunctuation() {
        String printableAscii = IntStream.rangeClosed(0x20, 0x7E)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();

        assertThat(rule.check(PasswordCandidate.of(printableAscii))).isEmpty();
        assertThat(PasswordRequirements.ENTRA_SYMBOLS).hasSize(33);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # what,                        code point
              e with acute accent,         0x00E9
              tab,                         0x0009
              line feed,                   0x000A
              NUL,                         0x0000
              DEL,                         0x007F
              no-break space,              0x00A0
              Cyrillic small a,            0x0430
              fullwidth capital A,         0xFF21
              euro sign,                   0x20AC
              grinning face emoji,         0x1F600
            """)
    void rejectsCharactersOutsideTheAllowedSetAndNamesThem(String what, String hexCodePoint) {
        int codePoint = Integer.decode(hexCodePoint);
        String password = "Abc1" + Character.toString(codePoint) + "xyz";

        assertThat(rule.check(PasswordCandidate.of(password)))
                .containsExactly(new PasswordViolation.DisallowedCharacters(List.of(codePoint)));
    }

    @Test
    void namesEachOffendingCharacterOnceInOrderOfFirstAppearance() {
        var candidate = PasswordCandidate.of("é\tPassé\t😀é");

        List<PasswordViolation> violations = rule.check(candidate);

        assertThat(violations).containsExactly(new PasswordViolation.DisallowedCharacters(List.of(0xE9, 0x09, 0x1F600)));
        assertThat(((PasswordViolation.DisallowedCharacters) violations.getFirst()).unicodeNames())
                .containsExactly("U+00E9", "U+0009", "U+1F600");
    }
}
