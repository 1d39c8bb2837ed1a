package org.opensspr.password;

import java.util.List;
import java.util.Objects;

/** Refuses passwords built mostly from banned terms (score below {@link BannedPasswordScore#MINIMUM_SCORE}). */
public record BannedPasswordRule(BannedPasswordScorer scorer) implements PasswordRule {

    public BannedPasswordRule {
        Objects.requireNonNull(scorer, "scorer");
    }

    @Override
    public List<PasswordViolation> check(PasswordCandidate candidate) {
        BannedPasswordScore result = scorer.score(candidate.password(), candidate.owner());
        if (result.passes()) {
            return List.of();
        }
        return List.of(new PasswordViolation.BannedPassword(
                result.score(), BannedPasswordScore.MINIMUM_SCORE, result.matchedTerms()));
    }
}
