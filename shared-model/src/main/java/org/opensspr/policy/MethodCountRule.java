package org.opensspr.policy;

import java.util.List;

import static org.opensspr.policy.MethodsPolicy.MAX_REQUIRED_TO_REGISTER;
import static org.opensspr.policy.MethodsPolicy.MAX_REQUIRED_TO_RESET;
import static org.opensspr.policy.MethodsPolicy.MIN_REQUIRED_TO_REGISTER;
import static org.opensspr.policy.MethodsPolicy.MIN_REQUIRED_TO_RESET;

/**
 * Methods required to reset (1–2) and to register (1–3, at least as many), enough methods to meet them, and
 * a default phone region that is a country.
 */
final class MethodCountRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        MethodsPolicy methods = policy.methods();
        int registrations = methods.enabledRegistrations().size();
        return new Violations()
                .when(methods.enabled().isEmpty(), PolicyViolationCode.NO_METHOD_ENABLED, "methods.enabled",
                        "Enable at least one authentication method.")
                .when(Violations.outside(methods.requiredToReset(), MIN_REQUIRED_TO_RESET, MAX_REQUIRED_TO_RESET),
                        PolicyViolationCode.RESET_COUNT_OUT_OF_RANGE, "methods.requiredToReset",
                        "The number of methods required to reset must be 1 or 2.")
                .when(Violations.outside(methods.requiredToRegister(), MIN_REQUIRED_TO_REGISTER, MAX_REQUIRED_TO_REGISTER),
                        PolicyViolationCode.REGISTER_COUNT_OUT_OF_RANGE, "methods.requiredToRegister",
                        "The number of methods required to register must be from 1 to 3.")
                .when(methods.requiredToRegister() < methods.requiredToReset(),
                        PolicyViolationCode.REGISTER_COUNT_BELOW_RESET_COUNT, "methods.requiredToRegister",
                        "Users must register at least as many methods (" + methods.requiredToRegister()
                                + ") as a reset requires (" + methods.requiredToReset() + ").")
                .when(!methods.enabled().isEmpty() && registrations < methods.requiredToRegister(),
                        PolicyViolationCode.TOO_FEW_METHODS_ENABLED, "methods.enabled",
                        "Users must register " + methods.requiredToRegister() + " methods but only " + registrations
                                + " can be registered (the Authenticator app counts once).")
                .when(!MethodsPolicy.knownRegion(methods.phoneRegion()), PolicyViolationCode.PHONE_REGION_UNKNOWN,
                        "methods.phoneRegion", "The default phone region must be a country code such as CH or US; '"
                                + methods.phoneRegion() + "' is not one.")
                .list();
    }
}
