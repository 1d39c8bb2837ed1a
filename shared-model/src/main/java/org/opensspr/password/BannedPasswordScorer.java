package org.opensspr.password;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entra's banned-password score, as docs/design.md §9 records it:
 * <ol>
 *   <li>normalize the password ({@link PasswordNormalizer});</li>
 *   <li>fuzzy step: if the whole password is within one edit of a global or custom term, it is
 *       that term and scores 1;</li>
 *   <li>substring step: otherwise cover the password with non-overlapping banned terms (global,
 *       custom, and the owner's names and organization) at 1 point each and 1 point per other
 *       character, choosing the cover with the LOWEST score — the conservative reading, and one
 *       that doesn't depend on the order terms were listed.</li>
 * </ol>
 * A password passes with {@value BannedPasswordScore#MINIMUM_SCORE} points or more.
 * Immutable and thread-safe; a score costs O(length × longest term) hash lookups.
 */
public final class BannedPasswordScorer {

    /** Custom terms shorter than this (after normalization) are ignored, as Entra requires. */
    public static final int MIN_CUSTOM_TERM_LENGTH = 4;

    private final BannedTermList global;
    private final BannedTermList custom;

    public BannedPasswordScorer(BannedTermList global, BannedTermList custom) {
        this.global = Objects.requireNonNull(global, "global");
        this.custom = Objects.requireNonNull(custom, "custom");
    }

    /** The usual set-up: the bundled global list plus the organization's custom terms. */
    public static BannedPasswordScorer withGlobalList(Collection<String> customTerms) {
        return new BannedPasswordScorer(GlobalBannedTerms.list(), BannedTermList.of(customTerms, MIN_CUSTOM_TERM_LENGTH));
    }

    public BannedPasswordScore score(String password, PasswordOwner owner) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(owner, "owner");
        int[] codePoints = PasswordNormalizer.normalizedCodePoints(password);
        if (codePoints.length == 0) {
            return new BannedPasswordScore(0, List.of());
        }
        String normalized = new String(codePoints, 0, codePoints.length);
        Optional<String> nearTerm = global.termWithinOneEditOf(normalized).or(() -> custom.termWithinOneEditOf(normalized));
        if (nearTerm.isPresent()) {
            return new BannedPasswordScore(1, List.of(nearTerm.get()));
        }
        return lowestScoringCover(codePoints, List.of(global, custom, OwnerTerms.of(owner)));
    }

    /**
     * Dynamic programming from the end: best[i] is the lowest score for the text from i on, and
     * termLength[i] the term chosen at i (0 = count the single character). Longer terms are tried
     * first and only a strictly better score replaces a choice, so ties go to the longest term.
     */
    private static BannedPasswordScore lowestScoringCover(int[] text, List<BannedTermList> lists) {
        int n = text.length;
        int minTerm = lists.stream().filter(l -> !l.isEmpty()).mapToInt(BannedTermList::minLength).min().orElse(0);
        int maxTerm = lists.stream().mapToInt(BannedTermList::maxLength).max().orElse(0);
        int[] best = new int[n + 1];
        int[] termLength = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            best[i] = Integer.MAX_VALUE;
            for (int length = Math.min(maxTerm, n - i); length >= Math.max(minTerm, 2); length--) {
                if (1 + best[i + length] < best[i] && isTerm(text, i, length, lists)) {
                    best[i] = 1 + best[i + length];
                    termLength[i] = length;
                }
            }
            if (1 + best[i + 1] < best[i]) {
                best[i] = 1 + best[i + 1];
                termLength[i] = 0;
            }
        }
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < n; i += Math.max(1, termLength[i])) {
            if (termLength[i] > 0) {
                matched.add(new String(text, i, termLength[i]));
            }
        }
        return new BannedPasswordScore(best[0], matched);
    }

    private static boolean isTerm(int[] text, int start, int length, List<BannedTermList> lists) {
        String slice = new String(text, start, length);
        for (BannedTermList list : lists) {
            if (list.contains(slice)) {
                return true;
            }
        }
        return false;
    }
}
