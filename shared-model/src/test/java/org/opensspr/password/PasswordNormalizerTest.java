package org.opensspr.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            # input,          normalized
              'P@$$w0rd1',     passwordl
              C0ntos0Blank12,  contosoblankl2
              'ContoS0Bl@nkf9!', 'contosoblankf9!'
              '1$0@',          lsoa
              HELLO,           hello
              'a b-c',         'a b-c'
              23456789,        23456789
              ÄÖÜ,             äöü
              İ,               i
              '',              ''
            """)
    void lowerCasesThenUndoesLookAlikeSubstitutions(String input, String normalized) {
        assertThat(PasswordNormalizer.normalize(input)).isEqualTo(normalized);
    }

    @Test
    void keepsOneCharacterPerCharacterAndIsIdempotentForEveryCodePoint() {
        IntStream.rangeClosed(Character.MIN_CODE_POINT, Character.MAX_CODE_POINT).forEach(cp -> {
            int once = PasswordNormalizer.normalize(cp);
            assertThat(PasswordNormalizer.normalize(once)).as("U+%04X", cp).isEqualTo(once);
        });
    }
}
