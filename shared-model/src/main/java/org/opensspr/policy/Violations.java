package org.opensspr.policy;

import java.util.ArrayList;
import java.util.List;

/** Collects violations inside a rule so each check reads as one line. */
final class Violations {
    private final List<PolicyViolation> found = new ArrayList<>();

    Violations when(boolean broken, PolicyViolationCode code, String field, String reason) {
        if (broken) {
            found.add(new PolicyViolation(code, field, reason));
        }
        return this;
    }

    Violations add(PolicyViolationCode code, String field, String reason) {
        return when(true, code, field, reason);
    }

    List<PolicyViolation> list() {
        return List.copyOf(found);
    }

    static boolean outside(int value, int min, int max) {
        return value < min || value > max;
    }
}
