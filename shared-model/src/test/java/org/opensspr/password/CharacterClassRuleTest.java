package org.opensspr.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterClassRuleTest {

    private final CharacterClassRule rule = new CharacterClassRule(PasswordRequirements.CLOUD);

    @ParameterizedTest(name = "''{0}'' has {1}")
    @CsvSource(textBlock = """
            # password,        classes present,                        accepted
              abcdefgh,        LOWER_CASE,                             false
              ABCDEFGH,        UPPER_CASE,                             false
              12345678,        DIGIT,                                  false
              '!!!!!!!!',      SYMBOL,                                 false
              abcdEFGH,        LOWER_CASE UPPER_CASE,                  false
              abcd1234,        LOWER_CASE DIGIT,                       false
              'abcd efg',      LOWER_CASE SYMBOL,                      false
              abcdEFG1,        LOWER_CASE UPPER_CASE DIGIT,            true
              'abcdEFG ',      LOWER_CASE UPPER_CASE SYMBOL,           true
              'ABCD12#$',      UPPER_CASE DIGIT SYMBOL,                true
              'abcd12~`',      LOWER_CASE DIGIT SYMBOL,                true
              'aB3$aB3$',      LOWER_CASE UPPER_CASE DIGIT SYMBOL,     true
              abcdéÉ٣٣,        LOWER_CASE,                             false
            """)
    void needsThreeOfFourClasses(String password, String classesPresent, boolean accepted) {
        Set<CharacterClass> present = Arrays.stream(classesPresent.split(" "))
                .map(CharacterClass::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CharacterClass.class)));

        List<PasswordViolation> violations = rule.check(PasswordCandidate.of(password));

        if (accepted) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).containsExactly(new PasswordViolation.TooFewCharacterClasses(3, present));
        }
    }

    @ParameterizedTest(name = "{0} of 4 required")
    @CsvSource(textBlock = """
            # required, password,   accepted
              1,        abcdefgh,   true
              2,        abcdefgh,   false
              2,        abcdEFGH,   true
              4,        abcdEF12,   false
              4,        'abEF12#!', true
            """)
    void honoursTheConfiguredNumberOfClasses(int required, String password, boolean accepted) {
        var requirements = new PasswordRequirements(8, 256, required, PasswordRequirements.ENTRA_SYMBOLS);

        assertThat(new CharacterClassRule(requirements).check(PasswordCandidate.of(password)).isEmpty())
                .isEqualTo(accepted);
    }
}
