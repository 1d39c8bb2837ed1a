package org.opensspr.password;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of the banned-password check.
 *
 * @param score        1 point per banned term found plus 1 per other character
 * @param matchedTerms the normalized banned terms that were counted, in order of position
 */
public record BannedPasswordScore(int score, List<String> matchedTerms) {

    /** Entra's threshold: a password needs at least this many points. */
    public static final int MINIMUM_SCORE = 5;

    public BannedPasswordScore {
        matchedTerms = List.copyOf(Objects.requireNonNull(matchedTerms, "matchedTerms"));
        if (score < 0) {
            throw new IllegalArgumentException("score can't be negative: " + score);
        }
    }

    public boolean passes() {
        return score >= MINIMUM_SCORE;
    }
}
