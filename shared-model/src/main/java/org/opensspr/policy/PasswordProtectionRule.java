package org.opensspr.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        v.when(terms.size() > PasswordProtectionPolicy.MAX_CUSTOM_TERMS, PolicyViolationCode.BANNED_TERMS_TOO_MANY,
                "passwordProtection.customBannedTerms", "At most 1000 custom banned terms; there are " + terms.size() + ".");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i) == null ? "" : terms.get(i).strip();
            String field = "passwordProtection.customBannedTerms[" + i + "]";
            boolean lengthOk = term.length() >= PasswordProtectionPolicy.MIN_TERM_LENGTH
                    && term.length() <= PasswordProtectionPolicy.MAX_TERM_LENGTH;
            v.when(!lengthOk, PolicyViolationCode.BANNED_TERM_LENGTH, field,
                    "A banned term must be 4 to 16 characters long; \"" + term + "\" has " + term.length() + ".");
            v.when(lengthOk && !seen.add(term.toLowerCase(Locale.ROOT)), PolicyViolationCode.BANNED_TERM_DUPLICATE, field,
                    "The banned term \"" + term + "\" is listed more than once.");
        }
    }
}
