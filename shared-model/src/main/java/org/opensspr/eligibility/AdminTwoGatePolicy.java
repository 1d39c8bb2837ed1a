package org.opensspr.eligibility;

import org.opensspr.methods.AuthMethod;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed rules for administrator accounts (seed 003, docs/design.md §5): always two gates, from email,
 * the Authenticator app and phones — never security questions — whatever the policy says.
 */
public final class AdminTwoGatePolicy {
    public static final int GATES = 2;

    private AdminTwoGatePolicy() {
    }

    public static boolean allows(AuthMethod method) {
        return method.allowedForAdministrators();
    }

    public static List<AuthMethod> allowedMethods() {
        return Arrays.stream(AuthMethod.values()).filter(AdminTwoGatePolicy::allows).toList();
    }
}
