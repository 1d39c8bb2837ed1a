package org.opensspr.password;

import java.util.List;

/** The new password must differ from the current one (the candidate knows how to compare). */
public record NotCurrentPasswordRule() implements PasswordRule {

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        if (candidate.matchesCurrentPassword().test(candidate.password())) {
            return List.of(new PasswordViolation.SameAsCurrentPassword());
        }
        return List.of();
    }
}
