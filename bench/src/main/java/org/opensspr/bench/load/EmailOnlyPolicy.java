package org.opensspr.bench.load;

import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.EnumSet;

/** Everyone may reset, with one gate, and the only method is an emailed code: what every seeded user has. */
final class EmailOnlyPolicy {
    private EmailOnlyPolicy() {
    }

    static SsprPolicy from(SsprPolicy current) {
        return current.withScope(ScopePolicy.all()).withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL), 1, 1,
                current.methods().securityQuestions()));
    }
}
