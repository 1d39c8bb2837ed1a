package org.opensspr.policy;

import org.opensspr.methods.AuthMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * Authentication methods pane: which methods are available, how many registrations users need
 * (1–3) and how many gates a reset takes (1–2), plus the security-question settings.
 */
public record MethodsPolicy(Set<AuthMethod> enabled, int requiredToRegister, int requiredToReset,
                            SecurityQuestionsPolicy securityQuestions) {
    public static final int MIN_REQUIRED_TO_RESET = 1;
    public static final int MAX_REQUIRED_TO_RESET = 2;
    public static final int MIN_REQUIRED_TO_REGISTER = 1;
    public static final int MAX_REQUIRED_TO_REGISTER = 3;

    public MethodsPolicy {
        enabled = Copies.enumSet(AuthMethod.class, enabled);
        securityQuestions = securityQuestions == null ? SecurityQuestionsPolicy.defaults() : securityQuestions;
    }

    /** Seed 000's recommendation: app code, email and mobile phone; one to reset, one more to register. */
    public static MethodsPolicy defaults() {
        return new MethodsPolicy(EnumSet.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.EMAIL, AuthMethod.MOBILE_PHONE),
                2, 1, SecurityQuestionsPolicy.defaults());
    }

    public boolean isEnabled(AuthMethod method) {
        return enabled.contains(method);
    }

    /** Distinct registrations behind the enabled methods: the Authenticator app counts once. */
    public Set<AuthMethod.Registration> enabledRegistrations() {
        Set<AuthMethod.Registration> registrations = EnumSet.noneOf(AuthMethod.Registration.class);
        enabled.forEach(m -> registrations.add(m.registration()));
        return registrations;
    }
}
