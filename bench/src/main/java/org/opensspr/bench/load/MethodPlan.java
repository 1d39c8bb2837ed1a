package org.opensspr.bench.load;

import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the generator resets with one method: the gates each flow passes, in order, and the policy that offers
 * them (everyone in scope). Each method is its own gate where the domain rules let it stand alone; the app's
 * notification can't (with one method required the app offers its code only), so its flows pass it and then
 * an emailed code, with two methods required. {@code enabled} may hold methods no seeded user has: they are
 * there only because the rules want more methods enabled (the app is never the only one).
 */
record MethodPlan(AuthMethod method, List<AuthMethod> gates, Set<AuthMethod> enabled, int requiredToReset) {
    MethodPlan {
        gates = List.copyOf(gates);
        enabled = Set.copyOf(enabled);
    }

    static MethodPlan of(AuthMethod method) {
        return switch (method) {
            case EMAIL, MOBILE_PHONE, OFFICE_PHONE, SECURITY_QUESTIONS ->
                    new MethodPlan(method, List.of(method), EnumSet.of(method), 1);
            // The app can't be the only enabled method when one is required: email is enabled beside it.
            case MOBILE_APP_CODE -> new MethodPlan(method, List.of(method),
                    EnumSet.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.EMAIL), 1);
            // Two required, and then the app plus one other isn't enough enabled: the mobile phone is too.
            case MOBILE_APP_NOTIFICATION -> new MethodPlan(method,
                    List.of(AuthMethod.MOBILE_APP_NOTIFICATION, AuthMethod.EMAIL),
                    EnumSet.of(AuthMethod.MOBILE_APP_NOTIFICATION, AuthMethod.MOBILE_APP_CODE, AuthMethod.EMAIL,
                            AuthMethod.MOBILE_PHONE), 2);
        };
    }

    /** The security questions: 3 registered, 3 asked, of every predefined question. */
    static final SecurityQuestionsPolicy QUESTIONS = SecurityQuestionsPolicy.defaults();

    /**
     * {@code current} with everyone in scope and only this plan's methods, as many to register as to reset, and
     * {@link #QUESTIONS}.
     */
    SsprPolicy policy(SsprPolicy current) {
        return current.withScope(ScopePolicy.all()).withMethods(new MethodsPolicy(enabled, requiredToReset,
                requiredToReset, QUESTIONS, current.methods().phoneRegion()));
    }

    /** Hashes the gates cost the server in a reset: one per security question asked (right or wrong alike). */
    int hashesAtGates() {
        return passes(AuthMethod.SECURITY_QUESTIONS) ? QUESTIONS.toReset() : 0;
    }

    boolean passes(AuthMethod gate) {
        return gates.contains(gate);
    }

    /** Whether the users need the Authenticator app (its code or its notification). */
    boolean needsApp() {
        return gates.stream().anyMatch(g -> g.registration() == AuthMethod.Registration.AUTHENTICATOR_APP);
    }

    /** "MOBILE_APP_NOTIFICATION + EMAIL" for a two-gate plan. */
    String describe() {
        return String.join(" + ", gates.stream().map(AuthMethod::name).toList());
    }
}
