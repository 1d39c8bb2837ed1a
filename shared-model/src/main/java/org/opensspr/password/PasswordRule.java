package org.opensspr.password;

import java.util.List;

/** One small, pure check of a proposed password; an empty list means the rule is satisfied. */
@FunctionalInterface
public interface PasswordRule {

    List<PasswordViolation> check(PasswordCandidate candidate);
}
