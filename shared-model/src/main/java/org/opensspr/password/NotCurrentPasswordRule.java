package org.opensspr.password;

import java.util.List;

/**
 * The new password must differ from the current one (the candidate knows how to compare). Costly: the server
 * compares by verifying the stored Argon2id hash (ADR 28).
 */
public record NotCurrentPasswordRule() implements PasswordRule {

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        if (candidate.matchesCurrentPassword().test(candidate.password())) {
            return List.of(new PasswordViolation.SameAsCurrentPassword());
        }
        return List.of();
    }

    @Override
    public boolean costly() {
        return true;
    }
}
