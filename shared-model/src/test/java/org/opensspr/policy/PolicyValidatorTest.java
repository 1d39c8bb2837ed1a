package org.opensspr.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.methods.AuthMethod.EMAIL;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_CODE;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_NOTIFICATION;
import static org.opensspr.methods.AuthMethod.MOBILE_PHONE;
import static org.opensspr.methods.AuthMethod.OFFICE_PHONE;
import static org.opensspr.methods.AuthMethod.SECURITY_QUESTIONS;

class PolicyValidatorTest {

    private static final SsprPolicy BASE = SsprPolicy.defaults();

    @Test
    void defaultPolicyIsValid() {
        assertThat(PolicyValidator.validate(BASE)).isEmpty();
    }

    @Test
    void seed000RecommendedPolicyIsValid() {
        SsprPolicy recommended = BASE.withScope(ScopePolicy.selected(List.of("pilot")))
                .withMethods(methods(Set.of(MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, OFFICE_PHONE), 3, 2))
                .withRegistration(new RegistrationPolicy(true, 90))
                .withCustomization(new CustomizationPolicy(true, "https://help.contoso.example/sspr", "Contoso", "", ""));
        assertThat(PolicyValidator.validate(recommended)).isEmpty();
    }

    /** Each row breaks one rule and expects exactly that rule's code on that field. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            selected scope without groups          | SCOPE_GROUPS_REQUIRED              | scope.groupIds
            selected scope with a blank group id   | SCOPE_GROUP_ID_BLANK               | scope.groupIds
            selected scope with a group twice      | SCOPE_GROUP_DUPLICATE              | scope.groupIds
            no method enabled                      | NO_METHOD_ENABLED                  | methods.enabled
            zero methods to reset                  | RESET_COUNT_OUT_OF_RANGE           | methods.requiredToReset
            three methods to reset                 | RESET_COUNT_OUT_OF_RANGE           | methods.requiredToReset
            zero methods to register               | REGISTER_COUNT_OUT_OF_RANGE        | methods.requiredToRegister
            four methods to register               | REGISTER_COUNT_OUT_OF_RANGE        | methods.requiredToRegister
            register count below reset count       | REGISTER_COUNT_BELOW_RESET_COUNT   | methods.requiredToRegister
            fewer registrations than to register   | TOO_FEW_METHODS_ENABLED            | methods.enabled
            phone region that is no country        | PHONE_REGION_UNKNOWN               | methods.phoneRegion
            authenticator only with one required   | AUTHENTICATOR_NEEDS_OTHER_METHODS  | methods.enabled
            authenticator plus one with two        | AUTHENTICATOR_NEEDS_OTHER_METHODS  | methods.enabled
            notification without code, one gate    | APP_NOTIFICATION_NEEDS_TWO_GATES   | methods.enabled
            two questions to register              | QUESTIONS_TO_REGISTER_OUT_OF_RANGE | methods.securityQuestions.toRegister
            six questions to register              | QUESTIONS_TO_REGISTER_OUT_OF_RANGE | methods.securityQuestions.toRegister
            two questions to reset                 | QUESTIONS_TO_RESET_OUT_OF_RANGE    | methods.securityQuestions.toReset
            more to answer than registered         | QUESTIONS_TO_RESET_ABOVE_REGISTER  | methods.securityQuestions.toReset
            fewer questions offered than needed    | TOO_FEW_QUESTIONS_OFFERED          | methods.securityQuestions.predefined
            twenty-one custom questions            | TOO_MANY_CUSTOM_QUESTIONS          | methods.securityQuestions.custom
            custom question of two characters      | CUSTOM_QUESTION_LENGTH             | methods.securityQuestions.custom[0].text
            custom question of 201 characters      | CUSTOM_QUESTION_LENGTH             | methods.securityQuestions.custom[0].text
            custom question twice                  | CUSTOM_QUESTION_DUPLICATE          | methods.securityQuestions.custom[1].text
            custom question without id             | CUSTOM_QUESTION_ID_INVALID         | methods.securityQuestions.custom[0].id
            reconfirm after -1 days                | RECONFIRM_DAYS_OUT_OF_RANGE        | registration.reconfirmDays
            reconfirm after 731 days               | RECONFIRM_DAYS_OUT_OF_RANGE        | registration.reconfirmDays
            custom helpdesk link left empty        | HELPDESK_CONTACT_REQUIRED          | customization.helpdeskEmailOrUrl
            helpdesk contact neither mail nor url  | HELPDESK_CONTACT_INVALID           | customization.helpdeskEmailOrUrl
            helpdesk url with ftp scheme           | HELPDESK_CONTACT_INVALID           | customization.helpdeskEmailOrUrl
            organization name of 257 characters    | ORGANIZATION_NAME_TOO_LONG         | customization.organizationName
            1001 banned terms                      | BANNED_TERMS_TOO_MANY              | passwordProtection.customBannedTerms
            banned term of three characters        | BANNED_TERM_LENGTH                 | passwordProtection.customBannedTerms[0]
            banned term of 17 characters           | BANNED_TERM_LENGTH                 | passwordProtection.customBannedTerms[0]
            banned term twice                      | BANNED_TERM_DUPLICATE              | passwordProtection.customBannedTerms[1]
            lockout threshold zero                 | LOCKOUT_THRESHOLD_OUT_OF_RANGE     | passwordProtection.lockoutThreshold
            lockout threshold 101                  | LOCKOUT_THRESHOLD_OUT_OF_RANGE     | passwordProtection.lockoutThreshold
            lockout duration 4 seconds             | LOCKOUT_DURATION_OUT_OF_RANGE      | passwordProtection.lockoutDurationSeconds
            lockout duration 1801 seconds          | LOCKOUT_DURATION_OUT_OF_RANGE      | passwordProtection.lockoutDurationSeconds
            kiosk network not a cidr               | KIOSK_NETWORK_INVALID              | kioskNetworks.allowedCidrs[0]
            kiosk network with host bits           | KIOSK_NETWORK_INVALID              | kioskNetworks.allowedCidrs[0]
            """)
    void eachRuleReportsItsCodeAndField(String scenario, PolicyViolationCode code, String field) {
        List<PolicyViolation> violations = PolicyValidator.validate(SCENARIOS.get(scenario).apply(BASE));

        assertThat(violations)
                .as("violations of '%s'", scenario)
                .anySatisfy(v -> {
                    assertThat(v.code()).isEqualTo(code);
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.reason()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "valid: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            reconfirm after 0 days (never)
            reconfirm after 730 days
            custom question of three characters
            custom question of 200 characters
            helpdesk email
            helpdesk https url
            kiosk networks v4 and v6
            authenticator plus one with one required
            authenticator plus two with two required
            notification and code with two gates
            lockout at the bounds
            banned terms of 4 and 16 characters
            """)
    void boundaryValuesAreAccepted(String scenario) {
        assertThat(PolicyValidator.validate(SCENARIOS.get(scenario).apply(BASE))).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        SsprPolicy broken = BASE.withRegistration(new RegistrationPolicy(true, 900))
                .withMethods(methods(Set.of(MOBILE_APP_CODE), 1, 1))
                .withKioskNetworks(new KioskNetworkPolicy(List.of("nonsense")));

        assertThat(PolicyValidator.validate(broken)).extracting(PolicyViolation::code).containsExactlyInAnyOrder(
                PolicyViolationCode.AUTHENTICATOR_NEEDS_OTHER_METHODS,
                PolicyViolationCode.RECONFIRM_DAYS_OUT_OF_RANGE,
                PolicyViolationCode.KIOSK_NETWORK_INVALID);
    }

    @Test
    void everyCodeIsCoveredByTheTable() {
        Set<PolicyViolationCode> covered = EnumSet.noneOf(PolicyViolationCode.class);
        SCENARIOS.values().forEach(s -> PolicyValidator.validate(s.apply(BASE)).forEach(v -> covered.add(v.code())));
        // Whether an image id names a stored image only the server knows (BrandingApiTest covers it).
        Set<PolicyViolationCode> serverOnly = EnumSet.of(PolicyViolationCode.BRANDING_ASSET_UNKNOWN);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(serverOnly)));
    }

    private static MethodsPolicy methods(Set<AuthMethod> enabled, int toRegister, int toReset) {
        return new MethodsPolicy(enabled, toRegister, toReset, SecurityQuestionsPolicy.defaults());
    }

    private static UnaryOperator<SsprPolicy> withMethods(Set<AuthMethod> enabled, int toRegister, int toReset) {
        return p -> p.withMethods(methods(enabled, toRegister, toReset));
    }

    private static UnaryOperator<SsprPolicy> withQuestions(SecurityQuestionsPolicy questions) {
        return p -> p.withMethods(new MethodsPolicy(Set.of(EMAIL, SECURITY_QUESTIONS), 2, 1, questions));
    }

    private static UnaryOperator<SsprPolicy> questionCounts(int toRegister, int toReset) {
        return withQuestions(new SecurityQuestionsPolicy(toRegister, toReset,
                EnumSet.allOf(PredefinedQuestion.class), List.of()));
    }

    private static UnaryOperator<SsprPolicy> custom(CustomQuestion... questions) {
        return withQuestions(new SecurityQuestionsPolicy(3, 3, EnumSet.allOf(PredefinedQuestion.class), List.of(questions)));
    }

    private static UnaryOperator<SsprPolicy> helpdesk(String contact) {
        return p -> p.withCustomization(new CustomizationPolicy(true, contact, "Contoso", "", ""));
    }

    private static UnaryOperator<SsprPolicy> lockout(int threshold, int seconds) {
        return p -> p.withPasswordProtection(new PasswordProtectionPolicy(List.of(), threshold, seconds));
    }

    private static UnaryOperator<SsprPolicy> banned(String... terms) {
        return p -> p.withPasswordProtection(new PasswordProtectionPolicy(List.of(terms), 10, 60));
    }

    private static UnaryOperator<SsprPolicy> kiosks(String... cidrs) {
        return p -> p.withKioskNetworks(new KioskNetworkPolicy(List.of(cidrs)));
    }

    private static final Map<String, UnaryOperator<SsprPolicy>> SCENARIOS = Map.ofEntries(
            Map.entry("selected scope without groups", p -> p.withScope(ScopePolicy.selected(List.of()))),
            Map.entry("selected scope with a blank group id", p -> p.withScope(ScopePolicy.selected(List.of(" ")))),
            Map.entry("selected scope with a group twice", p -> p.withScope(ScopePolicy.selected(List.of("g", "g")))),
            Map.entry("no method enabled", withMethods(Set.of(), 1, 1)),
            Map.entry("zero methods to reset", withMethods(Set.of(EMAIL, MOBILE_PHONE), 1, 0)),
            Map.entry("three methods to reset", withMethods(Set.of(EMAIL, MOBILE_PHONE, OFFICE_PHONE), 3, 3)),
            Map.entry("zero methods to register", withMethods(Set.of(EMAIL), 0, 1)),
            Map.entry("four methods to register", withMethods(Set.of(EMAIL, MOBILE_PHONE, OFFICE_PHONE, MOBILE_APP_CODE), 4, 1)),
            Map.entry("register count below reset count", withMethods(Set.of(EMAIL, MOBILE_PHONE, OFFICE_PHONE), 1, 2)),
            Map.entry("fewer registrations than to register", withMethods(Set.of(EMAIL, MOBILE_PHONE), 3, 1)),
            Map.entry("phone region that is no country", p -> p.withMethods(p.methods().withPhoneRegion("XX"))),
            Map.entry("authenticator only with one required", withMethods(Set.of(MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION), 1, 1)),
            Map.entry("authenticator plus one with two", withMethods(Set.of(MOBILE_APP_CODE, EMAIL), 2, 2)),
            Map.entry("notification without code, one gate", withMethods(Set.of(MOBILE_APP_NOTIFICATION, EMAIL), 2, 1)),
            Map.entry("two questions to register", questionCounts(2, 2)),
            Map.entry("six questions to register", questionCounts(6, 3)),
            Map.entry("two questions to reset", questionCounts(3, 2)),
            Map.entry("more to answer than registered", questionCounts(3, 4)),
            Map.entry("fewer questions offered than needed", withQuestions(new SecurityQuestionsPolicy(3, 3,
                    EnumSet.of(PredefinedQuestion.FIRST_PET, PredefinedQuestion.FAVORITE_FOOD), List.of()))),
            Map.entry("twenty-one custom questions", custom(java.util.stream.IntStream.range(0, 21)
                    .mapToObj(i -> new CustomQuestion("c" + i, "Custom question number " + i + "?"))
                    .toArray(CustomQuestion[]::new))),
            Map.entry("custom question of two characters", custom(new CustomQuestion("c1", "Hi"))),
            Map.entry("custom question of 201 characters", custom(new CustomQuestion("c1", "Q".repeat(201)))),
            Map.entry("custom question twice", custom(new CustomQuestion("c1", "Favourite band?"),
                    new CustomQuestion("c2", "favourite BAND? "))),
            Map.entry("custom question without id", custom(new CustomQuestion("", "Favourite band?"))),
            Map.entry("custom question of three characters", custom(new CustomQuestion("c1", "Why"))),
            Map.entry("custom question of 200 characters", custom(new CustomQuestion("c1", "Q".repeat(200)))),
            Map.entry("reconfirm after -1 days", p -> p.withRegistration(new RegistrationPolicy(true, -1))),
            Map.entry("reconfirm after 731 days", p -> p.withRegistration(new RegistrationPolicy(true, 731))),
            Map.entry("reconfirm after 0 days (never)", p -> p.withRegistration(new RegistrationPolicy(true, 0))),
            Map.entry("reconfirm after 730 days", p -> p.withRegistration(new RegistrationPolicy(true, 730))),
            Map.entry("custom helpdesk link left empty", helpdesk("  ")),
            Map.entry("helpdesk contact neither mail nor url", helpdesk("call Bob")),
            Map.entry("helpdesk url with ftp scheme", helpdesk("ftp://files.contoso.example")),
            Map.entry("helpdesk email", helpdesk("helpdesk@contoso.example")),
            Map.entry("helpdesk https url", helpdesk("https://help.contoso.example/reset?from=kiosk")),
            Map.entry("organization name of 257 characters", p -> p.withCustomization(
                    new CustomizationPolicy(false, "", "C".repeat(257), "", ""))),
            Map.entry("1001 banned terms", banned(java.util.stream.IntStream.range(0, 1001)
                    .mapToObj(i -> "term" + i).toArray(String[]::new))),
            Map.entry("banned term of three characters", banned("abc")),
            Map.entry("banned term of 17 characters", banned("a".repeat(17))),
            Map.entry("banned term twice", banned("contoso", "C0ntos0")),
            Map.entry("banned terms of 4 and 16 characters", banned("blank", "abcd", "p".repeat(16))),
            Map.entry("lockout threshold zero", lockout(0, 60)),
            Map.entry("lockout threshold 101", lockout(101, 60)),
            Map.entry("lockout duration 4 seconds", lockout(10, 4)),
            Map.entry("lockout duration 1801 seconds", lockout(10, 1801)),
            Map.entry("lockout at the bounds", lockout(100, 1800)),
            Map.entry("kiosk network not a cidr", kiosks("kiosks.contoso.example")),
            Map.entry("kiosk network with host bits", kiosks("10.1.2.3/8")),
            Map.entry("kiosk networks v4 and v6", kiosks("10.0.0.0/8", "192.168.10.0/24", "2001:db8::/32", "127.0.0.1")),
            Map.entry("authenticator plus one with one required", withMethods(Set.of(MOBILE_APP_CODE, EMAIL), 2, 1)),
            Map.entry("authenticator plus two with two required",
                    withMethods(Set.of(MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, MOBILE_PHONE), 3, 2)),
            Map.entry("notification and code with two gates",
                    withMethods(Set.of(MOBILE_APP_NOTIFICATION, MOBILE_APP_CODE, EMAIL, OFFICE_PHONE), 3, 2)));
}
