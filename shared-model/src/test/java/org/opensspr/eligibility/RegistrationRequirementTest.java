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
}
