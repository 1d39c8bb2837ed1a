package org.opensspr.policy;

import java.util.List;

/**
 * Checks a whole policy and returns every violation, so the console can mark all invalid fields at
 * once and the server refuses to store a policy that has any.
 */
public final class PolicyValidator {
    private static final List<PolicyRule> RULES = List.of(
            new ScopeRule(),
            new MethodCountRule(),
            new AuthenticatorRule(),
            new SecurityQuestionRule(),
            new RegistrationRule(),
            new CustomizationRule(),
            new PasswordProtectionRule(),
            new KioskNetworkRule());

    private PolicyValidator() {
    }

    public static List<PolicyViolation> validate(SsprPolicy policy) {
        return RULES.stream().flatMap(rule -> rule.check(policy).stream()).toList();
    }

    public static boolean isValid(SsprPolicy policy) {
        return validate(policy).isEmpty();
    }
}
