package org.opensspr.policy;

import org.opensspr.methods.AuthMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * Authentication methods pane: which methods are available, how many registrations users need
 * (1–3) and how many gates a reset takes (1–2), plus the security-question settings and the country
 * (ISO 3166 alpha-2, e.g. CH; "" for none) a phone number typed without + belongs to.
 */
public record MethodsPolicy(Set<AuthMethod> enabled, int requiredToRegister, int requiredToReset,
                            SecurityQuestionsPolicy securityQuestions, String phoneRegion) {
    public static final int MIN_REQUIRED_TO_RESET = 1;
    public static final int MAX_REQUIRED_TO_RESET = 2;
    public static final int MIN_REQUIRED_TO_REGISTER = 1;
    public static final int MAX_REQUIRED_TO_REGISTER = 3;

    public MethodsPolicy {
        enabled = Copies.enumSet(AuthMethod.class, enabled);
        securityQuestions = securityQuestions == null ? SecurityQuestionsPolicy.defaults() : securityQuestions;
        phoneRegion = Copies.text(phoneRegion).strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** No default phone region: numbers are typed with + and the country code. */
    public MethodsPolicy(Set<AuthMethod> enabled, int requiredToRegister, int requiredToReset,
                         SecurityQuestionsPolicy securityQuestions) {
        this(enabled, requiredToRegister, requiredToReset, securityQuestions, "");
    }

    /** The same methods with {@code region} as the default phone region. */
    public MethodsPolicy withPhoneRegion(String region) {
        return new MethodsPolicy(enabled, requiredToRegister, requiredToReset, securityQuestions, region);
    }

    /** Whether {@code region} is "" or an ISO 3166 alpha-2 country code. */
    public static boolean knownRegion(String region) {
        return region.isEmpty() || java.util.Set.of(java.util.Locale.getISOCountries()).contains(region);
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
