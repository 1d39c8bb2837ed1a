package org.opensspr.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every rule and reports every violation, so the user sees all problems at once instead of
 * fixing them one round trip at a time.
 */
public final class PasswordChecker {

    private final List<PasswordRule> rules;

    public PasswordChecker(List<? extends PasswordRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Entra's cloud password policy: length, allowed characters, classes, not current, banned list. */
    public static PasswordChecker forCloudUsers(PasswordRequirements requirements, BannedPasswordScorer scorer) {
        Objects.requireNonNull(requirements, "requirements");
        return new PasswordChecker(List.of(
                new LengthRule(requirements),
                new AllowedCharactersRule(requirements),
                new CharacterClassRule(requirements),
                new NotCurrentPasswordRule(),
                new BannedPasswordRule(scorer)));
    }

    /** Every violation, in rule order; empty when the password is acceptable. */
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        List<PasswordViolation> violations = new ArrayList<>();
        for (PasswordRule rule : rules) {
            violations.addAll(rule.check(candidate));
        }
        return List.copyOf(violations);
    }

    public boolean accepts(PasswordCandidate candidate) {
        return check(candidate).isEmpty();
    }

    public List<PasswordRule> rules() {
        return rules;
    }
}
