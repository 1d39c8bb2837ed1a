package org.opensspr.server.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.AuditActivity;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The activities are exactly Entra's (docs/design.md §15), and filters accept either spelling. */
class AuditActivityTest {

    @Test
    void namesAreExactlyEntrasList() {
        assertThat(Arrays.stream(AuditActivity.values()).map(AuditActivity::entraName)).containsExactly(
                "Self-service password reset policy changes",
                "Blocked from self-service password reset",
                "Change password (self-service)",
                "Reset password (by admin)",
                "Reset password (self-service)",
                "Self-service password reset flow activity progress",
                "Unlock user account (self-service)",
                "User registered for self-service password reset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RESET_PASSWORD_BY_ADMIN                              | RESET_PASSWORD_BY_ADMIN
            reset_password_by_admin                              | RESET_PASSWORD_BY_ADMIN
            Reset password (by admin)                            | RESET_PASSWORD_BY_ADMIN
            '  unlock user account (SELF-SERVICE) '              | UNLOCK_USER_ACCOUNT_SELF_SERVICE
            User registered for self-service password reset      | USER_REGISTERED_FOR_SSPR
            Reset password                                       |
            RESET                                                |
            """)
    void parsesConstantOrEntraName(String text, AuditActivity expected) {
        assertThat(AuditActivity.parse(text).orElse(null)).isEqualTo(expected);
    }

    @Test
    void everyEntraNameReadsBack() {
        for (AuditActivity activity : AuditActivity.values()) {
            assertThat(AuditActivity.fromEntraName(activity.entraName())).contains(activity);
        }
        assertThat(AuditActivity.fromEntraName("reset password (by admin)")).isEmpty();
    }
}
