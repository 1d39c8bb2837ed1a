package org.opensspr.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotCurrentPasswordRuleTest {

    private final NotCurrentPasswordRule rule = new NotCurrentPasswordRule();

    @ParameterizedTest(name = "current ''{0}'', new ''{1}''")
    @CsvSource(textBlock = """
            # current,        proposed,          same
              'Secret#2024',  'Secret#2024',     true
              'Secret#2024',  'secret#2024',     false
              'Secret#2024',  'Secret#2024 ',    false
              'Secret#2024',  'Secret#2025',     false
            """)
    void refusesTheCurrentPassword(String current, String proposed, boolean same) {
        var candidate = new PasswordCandidate(proposed, PasswordOwner.UNKNOWN, current::equals);

        if (same) {
            assertThat(rule.check(candidate)).containsExactly(new PasswordViolation.SameAsCurrentPassword());
        } else {
            assertThat(rule.check(candidate)).isEmpty();
        }
    }
}
