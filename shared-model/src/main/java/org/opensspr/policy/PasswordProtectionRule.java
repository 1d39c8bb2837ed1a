package org.opensspr.policy;

import org.opensspr.password.CustomBannedTerms;
import org.opensspr.password.CustomTermProblem;

import java.util.List;

import static org.opensspr.policy.PasswordProtectionPolicy.MAX_LOCKOUT_DURATION_SECONDS;
import static org.opensspr.policy.PasswordProtectionPolicy.MAX_LOCKOUT_THRESHOLD;
import static org.opensspr.policy.PasswordProtectionPolicy.MIN_LOCKOUT_DURATION_SECONDS;
import static org.opensspr.policy.PasswordProtectionPolicy.MIN_LOCKOUT_THRESHOLD;

/** The custom banned list (≤ 1000 terms of 4–16 characters, each once) and smart-lockout settings within bounds. */
final class PasswordProtectionRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        PasswordProtectionPolicy p = policy.passwordProtection();
        Violations v = new Violations();
        checkTerms(p.customBannedTerms(), v);
        return v
                .when(Violations.outside(p.lockoutThreshold(), MIN_LOCKOUT_THRESHOLD, MAX_LOCKOUT_THRESHOLD),
                        PolicyViolationCode.LOCKOUT_THRESHOLD_OUT_OF_RANGE, "passwordProtection.lockoutThreshold",
                        "The lockout threshold must be from 1 to 100 failed sign-ins.")
                .when(Violations.outside(p.lockoutDurationSeconds(), MIN_LOCKOUT_DURATION_SECONDS, MAX_LOCKOUT_DURATION_SECONDS),
                        PolicyViolationCode.LOCKOUT_DURATION_OUT_OF_RANGE, "passwordProtection.lockoutDurationSeconds",
                        "The lockout duration must be from 5 to 1800 seconds.")
                .list();
    }

    private static void checkTerms(List<String> terms, Violations v) {
        String field = "passwordProtection.customBannedTerms";
        for (CustomTermProblem problem : CustomBannedTerms.validate(terms)) {
            switch (problem) {
                case CustomTermProblem.TooManyTerms p -> v.add(PolicyViolationCode.BANNED_TERMS_TOO_MANY, field,
                        "At most " + p.maximum() + " custom banned terms; there are " + p.actual() + ".");
                case CustomTermProblem.TermTooShort p -> v.add(PolicyViolationCode.BANNED_TERM_LENGTH,
                        field + "[" + p.index() + "]", "The banned term \"" + p.term() + "\" is shorter than "
                                + p.minimum() + " characters.");
                case CustomTermProblem.TermTooLong p -> v.add(PolicyViolationCode.BANNED_TERM_LENGTH,
                        field + "[" + p.index() + "]", "The banned term \"" + p.term() + "\" is longer than "
                                + p.maximum() + " characters.");
                case CustomTermProblem.DuplicateTerm p -> v.add(PolicyViolationCode.BANNED_TERM_DUPLICATE,
                        field + "[" + p.index() + "]", "The banned term \"" + p.term() + "\" is the same as term "
                                + (p.firstIndex() + 1) + " once normalized (\"" + p.normalized() + "\").");
            }
        }
    }
}
