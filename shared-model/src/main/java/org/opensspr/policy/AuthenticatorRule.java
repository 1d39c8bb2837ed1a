package org.opensspr.policy;

import org.opensspr.methods.AuthMethod;

import java.util.List;

/**
 * Seed 004: the Authenticator app can't be the only method when one is required, nor the app plus
 * one other when two are required. With one required the app offers its code only, so the
 * notification alone can't stand in for it.
 */
final class AuthenticatorRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        MethodsPolicy methods = policy.methods();
        boolean authenticator = methods.enabledRegistrations().contains(AuthMethod.Registration.AUTHENTICATOR_APP);
        int others = methods.enabledRegistrations().size() - (authenticator ? 1 : 0);
        int required = methods.requiredToReset();
        return new Violations()
                .when(authenticator && others < required, PolicyViolationCode.AUTHENTICATOR_NEEDS_OTHER_METHODS,
                        "methods.enabled", required == 1
                                ? "The Authenticator app can't be the only method when one method is required: enable another method."
                                : "With two methods required, enable at least two methods besides the Authenticator app.")
                .when(required == 1 && methods.isEnabled(AuthMethod.MOBILE_APP_NOTIFICATION)
                                && !methods.isEnabled(AuthMethod.MOBILE_APP_CODE),
                        PolicyViolationCode.APP_NOTIFICATION_NEEDS_TWO_GATES, "methods.enabled",
                        "With one method required the Authenticator app offers its code only: enable Mobile app code too.")
                .list();
    }
}
