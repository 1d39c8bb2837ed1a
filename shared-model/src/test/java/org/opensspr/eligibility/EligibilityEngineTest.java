package org.opensspr.eligibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.Role;
import org.opensspr.eligibility.EligibilityOutcome.Eligible;
import org.opensspr.eligibility.EligibilityOutcome.NotEligible;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.AdministratorPolicy;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.directory.TestUsers.user;
import static org.opensspr.methods.AuthMethod.EMAIL;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_CODE;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_NOTIFICATION;
import static org.opensspr.methods.AuthMethod.MOBILE_PHONE;
import static org.opensspr.methods.AuthMethod.OFFICE_PHONE;
import static org.opensspr.methods.AuthMethod.Registration.AUTHENTICATOR_APP;
import static org.opensspr.methods.AuthMethod.SECURITY_QUESTIONS;

class EligibilityEngineTest {

    /** pilot ⊃ pilot-inner ⊃ {alice}; pilot-inner also contains pilot (a cycle). */
    private final GroupGraph groups = new GroupGraph(List.of(
            new Group("pilot", "SSPR pilot", Set.of("bob"), Set.of("pilot-inner")),
            new Group("pilot-inner", "Pilot wave 2", Set.of("alice"), Set.of("pilot"))));
    private final EligibilityEngine engine = new EligibilityEngine(groups);

    private static SsprPolicy policy(int requiredToReset, AuthMethod... enabled) {
        return SsprPolicy.defaults().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(Set.of(enabled), Math.max(requiredToReset, 2), requiredToReset,
                        SecurityQuestionsPolicy.defaults()));
    }

    private EligibilityOutcome evaluate(SsprPolicy policy, DirectoryUser user) {
        return engine.evaluate(policy, Optional.ofNullable(user));
    }

    // --- Seed 004, "Change authentication methods" table ---

    @ParameterizedTest(name = "{0} registered, {1} required -> able: {2}")
    @CsvSource(textBlock = """
            1, 1, true
            2, 1, true
            3, 1, true
            1, 2, false
            2, 2, true
            3, 2, true
            """)
    void seed004ChangeAuthenticationMethodsTable(int registered, int required, boolean able) {
        AuthMethod.Registration[] kinds = List.of(AuthMethod.Registration.EMAIL, AuthMethod.Registration.MOBILE_PHONE,
                AuthMethod.Registration.OFFICE_PHONE).subList(0, registered).toArray(AuthMethod.Registration[]::new);
        DirectoryUser user = user("u").with(kinds).build();

        EligibilityOutcome outcome = evaluate(policy(required, EMAIL, MOBILE_PHONE, OFFICE_PHONE), user);

        assertThat(outcome instanceof Eligible).isEqualTo(able);
        if (!able) {
            assertThat(((NotEligible) outcome).reason()).isEqualTo(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED);
        }
    }

    @Test
    void seed004PolicyChangeLeavesUsersWithoutPhoneOrEmailUnable() {
        SsprPolicy before = policy(2, OFFICE_PHONE, SECURITY_QUESTIONS);
        SsprPolicy after = policy(2, OFFICE_PHONE, MOBILE_PHONE, EMAIL);
        DirectoryUser officeAndQuestions = user("q").office().with(AuthMethod.Registration.SECURITY_QUESTIONS).build();
        DirectoryUser officeAndMobile = user("m").office().mobile().with(AuthMethod.Registration.SECURITY_QUESTIONS).build();

        assertThat(evaluate(before, officeAndQuestions)).isInstanceOf(Eligible.class);
        assertThat(evaluate(after, officeAndQuestions))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
        assertThat(evaluate(before, officeAndMobile)).isInstanceOf(Eligible.class);
        assertThat(evaluate(after, officeAndMobile)).isInstanceOf(Eligible.class);
    }

    // --- Authenticator rules ---

    @Test
    void withOneGateTheAppOffersItsCodeOnly() {
        DirectoryUser user = user("u").authenticator().email().build();

        Eligible outcome = (Eligible) evaluate(policy(1, MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, MOBILE_PHONE), user);

        assertThat(outcome.methods()).containsExactly(MOBILE_APP_CODE, EMAIL);
    }

    @Test
    void withTwoGatesTheAppOffersCodeOrNotification() {
        DirectoryUser user = user("u").authenticator().email().build();

        Eligible outcome = (Eligible) evaluate(policy(2, MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, MOBILE_PHONE), user);

        assertThat(outcome.gatesRequired()).isEqualTo(2);
        assertThat(outcome.methods()).containsExactly(MOBILE_APP_NOTIFICATION, MOBILE_APP_CODE, EMAIL);
    }

    @Test
    void theAuthenticatorAppCountsAsOneRegistration() {
        DirectoryUser appOnly = user("u").authenticator().build();

        assertThat(evaluate(policy(2, MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, MOBILE_PHONE), appOnly))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
    }

    // --- Administrator two-gate policy ---

    @Test
    void administratorsNeedTwoGatesEvenWhenThePolicyRequiresOne() {
        DirectoryUser admin = user("admin").role(Role.HELPDESK_ADMINISTRATOR).email().mobile().build();

        Eligible outcome = (Eligible) evaluate(policy(1, EMAIL, MOBILE_PHONE), admin);

        assertThat(outcome.gatesRequired()).isEqualTo(2);
        assertThat(outcome.twoGateAdministrator()).isTrue();
    }

    @Test
    void administratorsUseTheAdministratorPolicysMethodsWhateverTheUserPolicyEnables() {
        DirectoryUser admin = user("admin").role(Role.HELPDESK_ADMINISTRATOR).email().authenticator().build();

        // the user policy offers only security questions; seeds 001/003: admins get their own methods
        Eligible outcome = (Eligible) evaluate(policy(1, SECURITY_QUESTIONS), admin);

        assertThat(outcome.gatesRequired()).isEqualTo(2);
        assertThat(outcome.methods()).contains(EMAIL, MOBILE_APP_CODE).doesNotContain(SECURITY_QUESTIONS);
    }

    @Test
    void administratorsNeverUseSecurityQuestions() {
        DirectoryUser admin = user("admin").role(Role.USER_ADMINISTRATOR).email().with(AuthMethod.Registration.SECURITY_QUESTIONS).build();

        EligibilityOutcome outcome = evaluate(policy(1, EMAIL, SECURITY_QUESTIONS), admin);

        assertThat(outcome).isEqualTo(new NotEligible(IneligibilityReason.ADMIN_NEEDS_TWO_METHODS));
        assertThat(((NotEligible) outcome).answer()).as("told no more than anyone else").isEqualTo(PublicAnswer.CANNOT_RESET_HERE);
    }

    @Test
    void administratorsMayUseTheAppNotificationAsOneOfTheirTwoGates() {
        DirectoryUser admin = user("admin").role(Role.GLOBAL_ADMINISTRATOR).authenticator().email().build();

        Eligible outcome = (Eligible) evaluate(policy(1, MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION, EMAIL, MOBILE_PHONE), admin);

        assertThat(outcome.methods()).containsExactly(MOBILE_APP_NOTIFICATION, MOBILE_APP_CODE, EMAIL);
    }

    @Test
    void administratorsAreEnabledWhateverTheScopeUnlessTheSwitchIsOff() {
        DirectoryUser admin = user("admin").role(Role.PASSWORD_ADMINISTRATOR).email().mobile().build();
        SsprPolicy noneInScope = policy(1, EMAIL, MOBILE_PHONE).withScope(ScopePolicy.none());

        assertThat(evaluate(noneInScope, admin)).isInstanceOf(Eligible.class);
        assertThat(evaluate(noneInScope.withAdministrators(new AdministratorPolicy(false)), admin))
                .isEqualTo(new NotEligible(IneligibilityReason.ADMIN_SSPR_DISABLED));
    }

    @Test
    void anAdministratorWithNothingRegisteredLooksLikeAnyoneNotRegistered() {
        DirectoryUser admin = user("admin").role(Role.REPORTS_READER).build();

        assertThat(evaluate(policy(1, EMAIL, MOBILE_PHONE), admin))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
    }

    // --- Every outcome, in order: the first failing check decides ---

    @Test
    void unknownAccount() {
        assertThat(evaluate(policy(1, EMAIL), null)).isEqualTo(new NotEligible(IneligibilityReason.ACCOUNT_NOT_FOUND));
    }

    @Test
    void disabledAccountIsCheckedBeforeScopeAndMethods() {
        DirectoryUser disabledOutOfScope = user("carol").disabled().build();
        SsprPolicy selected = policy(1, EMAIL).withScope(ScopePolicy.selected(List.of("pilot")));

        assertThat(evaluate(selected, disabledOutOfScope)).isEqualTo(new NotEligible(IneligibilityReason.ACCOUNT_DISABLED));
    }

    @Test
    void scopeIsCheckedBeforeMethods() {
        DirectoryUser outsideThePilot = user("carol").build();
        SsprPolicy selected = policy(1, EMAIL).withScope(ScopePolicy.selected(List.of("pilot")));

        assertThat(evaluate(selected, outsideThePilot)).isEqualTo(new NotEligible(IneligibilityReason.NOT_ENABLED_FOR_SSPR));
        assertThat(evaluate(selected.withScope(ScopePolicy.none()), user("bob").email().build()))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENABLED_FOR_SSPR));
    }

    @Test
    void nestedGroupMembershipCountsForScope() {
        SsprPolicy selected = policy(1, EMAIL).withScope(ScopePolicy.selected(List.of("pilot")));

        assertThat(evaluate(selected, user("alice").email().build())).isInstanceOf(Eligible.class);
        assertThat(evaluate(selected, user("bob").email().build())).isInstanceOf(Eligible.class);
    }

    @Test
    void methodsAreCheckedBeforeWhereThePasswordLives() {
        DirectoryUser onPremUnregistered = user("dave").onPremises().build();
        SsprPolicy noWriteback = policy(1, EMAIL).withOnPremises(new OnPremisesPolicy(false, false));

        assertThat(evaluate(noWriteback, onPremUnregistered))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
    }

    @Test
    void onPremisesUsersNeedWriteback() {
        DirectoryUser onPrem = user("dave").onPremises().email().build();
        SsprPolicy withWriteback = policy(1, EMAIL);

        assertThat(evaluate(withWriteback.withOnPremises(new OnPremisesPolicy(false, true)), onPrem))
                .isEqualTo(new NotEligible(IneligibilityReason.WRITEBACK_DISABLED));
        Eligible eligible = (Eligible) evaluate(withWriteback, onPrem);
        assertThat(eligible.onPremises()).isTrue();
    }

    @Test
    void protectedOnPremisesAccountsAreNeverReset() {
        DirectoryUser domainAdmin = user("da").protectedOnPremises().email().build();

        assertThat(evaluate(policy(1, EMAIL), domainAdmin))
                .isEqualTo(new NotEligible(IneligibilityReason.PROTECTED_ON_PREMISES_ACCOUNT));
    }

    @Test
    void theFourIndistinguishableCasesShareOneAnswer() {
        SsprPolicy selected = policy(1, EMAIL).withScope(ScopePolicy.selected(List.of("pilot")));
        List<EligibilityOutcome> outcomes = List.of(
                evaluate(selected, null),
                evaluate(selected, user("alice").email().disabled().build()),
                evaluate(selected, user("carol").email().build()),
                evaluate(selected, user("alice").build()));

        assertThat(outcomes).extracting(o -> ((NotEligible) o).reason()).containsExactly(
                IneligibilityReason.ACCOUNT_NOT_FOUND, IneligibilityReason.ACCOUNT_DISABLED,
                IneligibilityReason.NOT_ENABLED_FOR_SSPR, IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED);
        assertThat(outcomes).extracting(o -> ((NotEligible) o).answer()).containsOnly(PublicAnswer.CANNOT_RESET_HERE);
    }

    // --- Security questions count only when enough of the answered ones are still offered ---

    @Test
    void securityQuestionsCountWhileEnoughAnsweredQuestionsAreStillOffered() {
        DirectoryUser user = user("u").email().questions("FIRST_PET", "FAVORITE_FOOD", "CHILDHOOD_HERO").build();
        SsprPolicy allQuestions = policy(2, EMAIL, SECURITY_QUESTIONS);
        SsprPolicy petRemoved = allQuestions.withMethods(new MethodsPolicy(Set.of(EMAIL, SECURITY_QUESTIONS), 2, 2,
                new SecurityQuestionsPolicy(3, 3, EnumSet.complementOf(EnumSet.of(
                        org.opensspr.methods.PredefinedQuestion.FIRST_PET)), List.of())));

        assertThat(evaluate(allQuestions, user)).isInstanceOf(Eligible.class);
        assertThat(evaluate(petRemoved, user))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
    }

    @Test
    void methodsDisabledByThePolicyDoNotCount() {
        DirectoryUser user = user("u").with(AUTHENTICATOR_APP).office().build();

        assertThat(evaluate(policy(1, EMAIL, MOBILE_PHONE), user))
                .isEqualTo(new NotEligible(IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
    }
}
