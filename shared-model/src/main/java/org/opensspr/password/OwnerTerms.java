package org.opensspr.password;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the owner's first name, last name and organization name into banned terms: each whole
 * value, plus each of its words (split at anything not a letter or digit) so "Contoso Ltd" bans
 * "contoso" and "Jean-Luc" bans "jean" and "luc". Terms shorter than {@value #MIN_TERM_LENGTH}
 * characters after normalization are left out, so initials and "Li"-style names don't ban
 * ordinary letter pairs.
 */
final class OwnerTerms {

    static final int MIN_TERM_LENGTH = 3;

    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

    private OwnerTerms() {
    }

    static BannedTermList of(PasswordOwner owner) {
        List<String> terms = new ArrayList<>();
        for (String value : List.of(owner.firstName(), owner.lastName(), owner.organizationName())) {
            String normalized = PasswordNormalizer.normalize(value.strip());
            terms.add(normalized);
            for (String word : WORD_SEPARATOR.split(normalized)) {
                terms.add(word);
            }
        }
        return BannedTermList.of(terms, MIN_TERM_LENGTH);
    }
}
