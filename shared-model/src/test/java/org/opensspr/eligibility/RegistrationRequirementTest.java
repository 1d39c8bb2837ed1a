package org.opensspr.eligibility;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Role;
import org.opensspr.directory.TestUsers;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRequirementTest {

    private static SsprPolicy policy(boolean requireAtSignIn, int toRegister, String enabled) {
        Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
        Arrays.stream(enabled.split(" ")).map(AuthMethod::valueOf).forEach(methods::add);
        return SsprPolicy.defaults().withScope(ScopePolicy.all())
                .withRegistration(new RegistrationPolicy(requireAtSignIn, 0))
                .withMethods(new MethodsPolicy(methods, toRegister, 1, SecurityQuestionsPolicy.defaults()));
    }

    /** data: what the user has — e (alternate email), m (mobile), o (office), a (app), q (3 questions), q2 (2 questions). */
    private static DirectoryUser user(String data, boolean admin) {
        TestUsers user = TestUsers.user("u");
        for (String item : data.split(" ")) {
            switch (item) {
                case "e" -> user.email();
                case "m" -> user.mobile();
                case "o" -> user.office();
                case "a" -> user.authenticator();
                case "q" -> user.questions("FIRST_PET", "FAVORITE_FOOD", "CHILDHOOD_HERO");
                case "q2" -> user.questions("FIRST_PET", "FAVORITE_FOOD");
                case "-" -> { }
                default -> throw new IllegalArgumentException(item);
            }
        }
        if (admin) {
            user.role(Role.HELPDESK_ADMINISTRATOR);
        }
        return user.build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            nothing registered,                 true,  1, EMAIL MOBILE_PHONE,                         -,     false, 0, 1, true
            enough,                             true,  2, EMAIL MOBILE_PHONE,                         e m,   false, 2, 2, false
            one short,                          true,  2, EMAIL MOBILE_PHONE,                         e,     false, 1, 2, true
            not required at sign-in,            false, 2, EMAIL MOBILE_PHONE,                         e,     false, 1, 2, false
            data for a disabled method,         true,  2, EMAIL MOBILE_PHONE,                         e o,   false, 1, 2, true
            app code and notification count once, true, 2, MOBILE_APP_CODE MOBILE_APP_NOTIFICATION EMAIL MOBILE_PHONE, a, false, 1, 2, true
            three questions count,              true,  2, EMAIL SECURITY_QUESTIONS,                   e q,   false, 2, 2, false
            two questions are too few,          true,  2, EMAIL SECURITY_QUESTIONS,                   e q2,  false, 1, 2, true
            admin needs two,                    true,  1, EMAIL MOBILE_PHONE SECURITY_QUESTIONS,      e,     true,  1, 2, true
            admin questions never count,        true,  2, EMAIL MOBILE_PHONE SECURITY_QUESTIONS,      e q,   true,  1, 2, true
            admin with email and phone,         true,  1, EMAIL MOBILE_PHONE,                         e m,   true,  2, 2, false
            """)
    void signInAsksUntilEnoughMethodsAreRegistered(String scenario, boolean requireAtSignIn, int toRegister,
                                                  String enabled, String data, boolean admin, int registered,
                                                  int required, boolean asked) {
        SsprPolicy policy = policy(requireAtSignIn, toRegister, enabled);
        DirectoryUser user = user(data, admin);

        assertThat(RegistrationRequirement.registered(policy, user)).isEqualTo(registered);
        assertThat(RegistrationRequirement.required(policy, user)).isEqualTo(required);
        assertThat(RegistrationRequirement.asksToRegister(policy, user, true)).isEqualTo(asked);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            true,  true
            false, false
            """)
    void onlyEnabledUsersInScopeAreAsked(boolean disabled, boolean inScope) {
        DirectoryUser user = disabled ? TestUsers.user("u").disabled().build() : TestUsers.user("u").build();

        assertThat(RegistrationRequirement.asksToRegister(policy(true, 1, "EMAIL"), user, inScope)).isFalse();
    }

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-05T12:00:00Z");

    private static SsprPolicy reconfirming(int days) {
        return policy(true, 1, "EMAIL MOBILE_PHONE").withRegistration(new RegistrationPolicy(true, days));
    }

    @ParameterizedTest(name = "confirmed {0} days ago, reconfirm after {1}: {2}")
    @CsvSource(textBlock = """
            29,  30, NONE
            30,  30, RECONFIRM
            31,  30, RECONFIRM
            700, 0,  NONE
            1,   1,  RECONFIRM
            729, 730, NONE
            731, 730, RECONFIRM
            """)
    void reconfirmationFollowsThePolicysDays(int daysAgo, int days, SignInPrompt expected) {
        var confirmed = java.util.Optional.of(NOW.minus(java.time.Duration.ofDays(daysAgo)));

        assertThat(RegistrationRequirement.prompt(reconfirming(days), user("e", false), true, confirmed, NOW))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void registrationComesFirstThenAFirstConfirmationOfWhatAnAdministratorPutThere() {
        var never = java.util.Optional.<java.time.Instant>empty();

        assertThat(RegistrationRequirement.prompt(reconfirming(0), user("-", false), true, never, NOW))
                .isEqualTo(SignInPrompt.REGISTER);
        assertThat(RegistrationRequirement.prompt(reconfirming(0), user("e", false), true, never, NOW))
                .as("pre-filled only: confirmed once, even when reconfirmation is off").isEqualTo(SignInPrompt.CONFIRM);
        assertThat(RegistrationRequirement.prompt(reconfirming(30), user("-", false), true,
                java.util.Optional.of(NOW.minus(java.time.Duration.ofDays(400))), NOW))
                .as("short of methods: register, whatever the dates").isEqualTo(SignInPrompt.REGISTER);
    }

    @org.junit.jupiter.api.Test
    void nothingIsAskedWhenNotRequiredOutOfScopeOrDisabled() {
        var never = java.util.Optional.<java.time.Instant>empty();
        SsprPolicy notRequired = policy(false, 1, "EMAIL").withRegistration(new RegistrationPolicy(false, 30));

        assertThat(RegistrationRequirement.prompt(notRequired, user("-", false), true, never, NOW)).isEqualTo(SignInPrompt.NONE);
        assertThat(RegistrationRequirement.prompt(reconfirming(30), user("-", false), false, never, NOW))
                .isEqualTo(SignInPrompt.NONE);
        assertThat(RegistrationRequirement.prompt(reconfirming(30), TestUsers.user("u").disabled().build(), true, never,
                NOW)).isEqualTo(SignInPrompt.NONE);
    }
}
