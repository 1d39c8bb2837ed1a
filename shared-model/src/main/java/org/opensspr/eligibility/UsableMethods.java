package org.opensspr.eligibility;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which methods a user can be challenged with: enabled by the policy (administrators: allowed by the
 * administrator policy instead), backed by the user's data, and the Authenticator's notification only
 * when two gates are required (seed 004).
 */
final class UsableMethods {
    private UsableMethods() {
    }

    static List<AuthMethod> of(DirectoryUser user, MethodsPolicy policy, int gates, DeliverableMethods deliverable) {
        return Arrays.stream(AuthMethod.values())
                .filter(deliverable::allows)
                // Administrators: the administrator policy's methods, whatever the user policy enables (seeds 001/003).
                .filter(m -> user.isAdministrator() ? AdminTwoGatePolicy.allows(m) : policy.isEnabled(m))
                .filter(m -> m != AuthMethod.MOBILE_APP_NOTIFICATION || gates >= 2)
                .filter(m -> hasData(user, m, policy))
                .toList();
    }

    /** Distinct registrations behind the methods: the Authenticator app counts once. */
    static int registrationsBehind(List<AuthMethod> methods) {
        Set<AuthMethod.Registration> kinds = EnumSet.noneOf(AuthMethod.Registration.class);
        methods.forEach(m -> kinds.add(m.registration()));
        return kinds.size();
    }

    /** Whether the user's data backs the method (pre-filled contact data counts; questions: enough to reset). */
    static boolean hasData(DirectoryUser user, AuthMethod method, MethodsPolicy policy) {
        return switch (method) {
            case EMAIL -> !user.contact().alternateEmail().isEmpty();
            case MOBILE_PHONE -> !user.contact().mobilePhone().isEmpty();
            case OFFICE_PHONE -> !user.contact().officePhone().isEmpty();
            case MOBILE_APP_CODE, MOBILE_APP_NOTIFICATION ->
                    user.registration(AuthMethod.Registration.AUTHENTICATOR_APP).isPresent();
            case SECURITY_QUESTIONS -> user.registration(AuthMethod.Registration.SECURITY_QUESTIONS)
                    .map(r -> answeredOffered(r, policy) >= policy.securityQuestions().toReset())
                    .orElse(false);
        };
    }

    /** Questions the user answered that the policy still offers; removed questions can't be asked. */
    static long answeredOffered(MethodRegistration registration, MethodsPolicy policy) {
        return registration.questionIds().stream().filter(policy.securityQuestions()::offers).count();
    }
}
