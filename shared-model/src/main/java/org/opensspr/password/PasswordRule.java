package org.opensspr.password;

import java.util.List;

/** One small, pure check of a proposed password; an empty list means the rule is satisfied. */
@FunctionalInterface
public interface PasswordRule {

    List<PasswordViolation> check(PasswordCandidate candidate);

    /** True for a check that costs deliberate work (a password hash): run only when every cheap rule passed. */
    default boolean costly() {
        return false;
    }
}
