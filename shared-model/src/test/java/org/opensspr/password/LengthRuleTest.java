package org.opensspr.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LengthRuleTest {

    private final LengthRule rule = new LengthRule(PasswordRequirements.CLOUD);

    @ParameterizedTest(name = "{0} characters -> {1}")
    @CsvSource(textBlock = """
            # length, expected violation
                0,   TooShort
                1,   TooShort
                7,   TooShort
                8,   none
                9,   none
              255,   none
              256,   none
              257,   TooLong
             1000,   TooLong
            """)
    void enforcesEightToTwoHundredFiftySixCharacters(int length, String expected) {
        List<PasswordViolation> violations = rule.check(PasswordCandidate.of("aB3$".repeat(300).substring(0, length)));

        switch (expected) {
            case "TooShort" -> assertThat(violations).containsExactly(new PasswordViolation.TooShort(8, length));
            case "TooLong" -> assertThat(violations).containsExactly(new PasswordViolation.TooLong(256, length));
            default -> assertThat(violations).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # description,                   password,   code points
              seven emoji are seven chars,    😀😀😀😀😀😀😀,   7
              eight emoji are eight chars,    😀😀😀😀😀😀😀😀,  8
            """)
    void countsCharactersNotUtf16Units(String description, String password, int codePoints) {
        List<PasswordViolation> violations = rule.check(PasswordCandidate.of(password));

        if (codePoints < 8) {
            assertThat(violations).containsExactly(new PasswordViolation.TooShort(8, codePoints));
        } else {
            assertThat(violations).isEmpty();
        }
    }
}
