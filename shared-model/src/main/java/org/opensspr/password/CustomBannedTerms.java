package org.opensspr.password;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entra's limits on the custom banned list: at most {@value #MAX_TERMS} terms, each
 * {@value #MIN_TERM_LENGTH}–{@value #MAX_TERM_LENGTH} characters, and no two the same after
 * normalization (so "P@ssword" and "password" count as a duplicate). Terms are judged as given:
 * trimming or splitting an admin's input is the caller's choice.
 */
public final class CustomBannedTerms {

    public static final int MAX_TERMS = 1000;
    public static final int MIN_TERM_LENGTH = 4;
    public static final int MAX_TERM_LENGTH = 16;

    private CustomBannedTerms() {
    }

    /** Every problem with the list; empty when it can be saved. */
    public static List<CustomTermProblem> validate(List<String> terms) {
        Objects.requireNonNull(terms, "terms");
        List<CustomTermProblem> problems = new ArrayList<>();
        if (terms.size() > MAX_TERMS) {
            problems.add(new CustomTermProblem.TooManyTerms(MAX_TERMS, terms.size()));
        }
        Map<String, Integer> firstIndexByNormalized = new HashMap<>();
        for (int index = 0; index < terms.size(); index++) {
            String term = Objects.requireNonNull(terms.get(index), "term at index " + index);
            int length = term.codePointCount(0, term.length());
            if (length < MIN_TERM_LENGTH) {
                problems.add(new CustomTermProblem.TermTooShort(index, term, MIN_TERM_LENGTH));
            } else if (length > MAX_TERM_LENGTH) {
                problems.add(new CustomTermProblem.TermTooLong(index, term, MAX_TERM_LENGTH));
            }
            String normalized = PasswordNormalizer.normalize(term);
            Integer firstIndex = firstIndexByNormalized.putIfAbsent(normalized, index);
            if (firstIndex != null) {
                problems.add(new CustomTermProblem.DuplicateTerm(index, term, firstIndex, normalized));
            }
        }
        return List.copyOf(problems);
    }
}
