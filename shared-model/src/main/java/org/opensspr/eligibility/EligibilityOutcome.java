package org.opensspr.eligibility;

import org.opensspr.methods.AuthMethod;

import java.util.List;
import java.util.Objects;

/** The result of the eligibility checks: either the gates a reset takes and the methods on offer, or why not. */
public sealed interface EligibilityOutcome {

    /**
     * @param gatesRequired     how many different methods the user must pass (1 or 2)
     * @param methods           the methods this user can be challenged with, in {@link AuthMethod} order
     * @param twoGateAdministrator the admin two-gate policy applied
     * @param onPremises        the reset goes through password writeback
     */
    record Eligible(int gatesRequired, List<AuthMethod> methods, boolean twoGateAdministrator,
                    boolean onPremises) implements EligibilityOutcome {
        public Eligible {
            methods = List.copyOf(methods);
        }
    }

    record NotEligible(IneligibilityReason reason) implements EligibilityOutcome {
        public NotEligible {
            Objects.requireNonNull(reason, "reason");
        }

        public PublicAnswer answer() {
            return reason.answer();
        }
    }
}
