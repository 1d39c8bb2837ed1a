package org.opensspr.password;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Normalized banned terms, held for the two questions the scorer asks: "is this exact slice a
 * term?" (a hash lookup, with {@link #maxLength()} bounding the slices worth trying) and "which
 * term is one edit away from the whole password?" (only terms within ±1 in length are compared).
 * Immutable and safe to share between threads.
 */
public final class BannedTermList {

    private static final BannedTermList EMPTY = new BannedTermList(Set.of(), List.of(), 0, 0);

    private final Set<String> terms;
    /** Terms grouped by length in code points, in the order they were given; index = length. */
    private final List<List<String>> termsByLength;
    private final int minLength;
    private final int maxLength;

    private BannedTermList(Set<String> terms, List<List<String>> termsByLength, int minLength, int maxLength) {
        this.terms = terms;
        this.termsByLength = termsByLength;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public static BannedTermList empty() {
        return EMPTY;
    }

    /**
     * Normalizes the given terms, drops those shorter than {@code minimumLength} code points after
     * normalization, and removes duplicates (first occurrence wins, which keeps the fuzzy step's
     * choice deterministic).
     */
    public static BannedTermList of(Collection<String> rawTerms, int minimumLength) {
        Set<String> terms = new HashSet<>();
        List<List<String>> byLength = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String raw : rawTerms) {
            String term = PasswordNormalizer.normalize(raw);
            int length = term.codePointCount(0, term.length());
            if (length < Math.max(1, minimumLength) || !terms.add(term)) {
                continue;
            }
            while (byLength.size() <= length) {
                byLength.add(new ArrayList<>());
            }
            byLength.get(length).add(term);
            min = Math.min(min, length);
            max = Math.max(max, length);
        }
        if (terms.isEmpty()) {
            return EMPTY;
        }
        return new BannedTermList(Set.copyOf(terms), byLength.stream().map(List::copyOf).toList(), min, max);
    }

    /** Whether this exact normalized text is a banned term. */
    public boolean contains(String normalizedText) {
        return terms.contains(normalizedText);
    }

    /**
     * A term at most one edit away from the whole normalized password: the password itself if
     * it is a term, else the first such term of equal, one shorter, then one longer length.
     */
    public Optional<String> termWithinOneEditOf(String normalizedPassword) {
        if (terms.contains(normalizedPassword)) {
            return Optional.of(normalizedPassword);
        }
        int length = normalizedPassword.codePointCount(0, normalizedPassword.length());
        for (int candidateLength : new int[] {length, length - 1, length + 1}) {
            if (candidateLength < 1 || candidateLength >= termsByLength.size()) {
                continue;
            }
            for (String term : termsByLength.get(candidateLength)) {
                if (EditDistance.withinOne(normalizedPassword, term)) {
                    return Optional.of(term);
                }
            }
        }
        return Optional.empty();
    }

    public int size() {
        return terms.size();
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Shortest term, in code points; 0 when empty. */
    public int minLength() {
        return minLength;
    }

    /** Longest term, in code points; 0 when empty. */
    public int maxLength() {
        return maxLength;
    }
}
