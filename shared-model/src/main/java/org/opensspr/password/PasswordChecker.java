package org.opensspr.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every rule and reports every violation, so the user sees all problems at once instead of
 * fixing them one round trip at a time — except that a costly rule (the comparison with the current
 * password, a hash) runs only for a password every cheap rule accepts: one the user must change anyway
 * costs no hash, and is compared when it comes back changed (ADR 28).
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

    /** Every cheap rule's violations in rule order, or else the costly rules'; empty when the password is acceptable. */
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        List<PasswordViolation> violations = new ArrayList<>();
        for (PasswordRule rule : rules) {
            if (!rule.costly()) {
                violations.addAll(rule.check(candidate));
            }
        }
        for (PasswordRule rule : rules) {
            if (rule.costly() && violations.isEmpty()) {
                violations.addAll(rule.check(candidate));
            }
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
