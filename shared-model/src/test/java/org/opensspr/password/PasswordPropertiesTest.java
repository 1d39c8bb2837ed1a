package org.opensspr.password;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPropertiesTest {

    private static final BannedPasswordScorer SCORER = BannedPasswordScorer.withGlobalList(List.of("blank"));
    private static final PasswordChecker CHECKER = PasswordChecker.forCloudUsers(PasswordRequirements.CLOUD, SCORER);
    private static final PasswordOwner OWNER = new PasswordOwner("Jane", "Doe", "Contoso");

    @Property
    void normalizationIsIdempotent(@ForAll String text) {
        String once = PasswordNormalizer.normalize(text);

        assertThat(PasswordNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void normalizationKeepsTheNumberOfCharacters(@ForAll String text) {
        String normalized = PasswordNormalizer.normalize(text);

        assertThat(normalized.codePointCount(0, normalized.length())).isEqualTo(text.codePointCount(0, text.length()));
    }

    @Property
    void theScoreIsAtLeastOneAndAtMostTheLength(@ForAll("anyPasswords") String password) {
        BannedPasswordScore score = SCORER.score(password, OWNER);

        int length = password.codePointCount(0, password.length());
        assertThat(score.score()).isBetween(Math.min(1, length), length);
        assertThat(score.matchedTerms()).hasSizeLessThanOrEqualTo(score.score());
    }

    @Property
    void scoringNeverThrowsForArbitraryUnicode(@ForAll @StringLength(max = 300) String password,
                                               @ForAll String first, @ForAll String last, @ForAll String organization) {
        BannedPasswordScore score = SCORER.score(password, new PasswordOwner(first, last, organization));

        assertThat(score.passes()).isEqualTo(score.score() >= BannedPasswordScore.MINIMUM_SCORE);
    }

    @Property
    void anAcceptedPasswordHasOnlyAllowedCharactersAndAnAllowedLength(@ForAll("anyPasswords") String password) {
        boolean accepted = CHECKER.accepts(new PasswordCandidate(password, OWNER, ignored -> false));
        // Guard against a vacuous property: enough generated passwords must actually be accepted.
        Statistics.label("accepted").collect(accepted)
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 10));

        if (accepted) {
            int length = password.codePointCount(0, password.length());
            assertThat(length).isBetween(8, 256);
            assertThat(password.codePoints()).allMatch(PasswordRequirements.CLOUD::allows);
        }
    }

    @Property
    void aPasswordWithADisallowedCharacterIsNeverAccepted(@ForAll("allowedText") String prefix,
                                                          @ForAll("disallowedCharacters") String bad,
                                                          @ForAll("allowedText") String suffix) {
        var candidate = PasswordCandidate.of(prefix + bad + suffix);

        assertThat(CHECKER.check(candidate)).anySatisfy(violation ->
                assertThat(violation).isInstanceOf(PasswordViolation.DisallowedCharacters.class));
    }

    /** Mostly allowed characters, so that a good share is accepted, with arbitrary strings mixed in. */
    @Provide
    Arbitrary<String> anyPasswords() {
        Arbitrary<String> allowed = Arbitraries.strings().withChars(allowedCharacters().toCharArray()).ofMaxLength(300);
        return Arbitraries.frequencyOf(
                Tuple.of(8, allowed),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(300)));
    }

    @Provide
    Arbitrary<String> allowedText() {
        return Arbitraries.strings().withChars(allowedCharacters().toCharArray()).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> disallowedCharacters() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u001F').ofLength(1),
                Arbitraries.strings().withCharRange('\u0080', '\uFFFF').ofLength(1)
                        .filter(s -> !Character.isSurrogate(s.charAt(0))),
                Arbitraries.of("\u007F", "😀", "é", "\t"));
    }

    private static String allowedCharacters() {
        StringBuilder all = new StringBuilder(PasswordRequirements.ENTRA_SYMBOLS);
        for (char c = 'a'; c <= 'z'; c++) {
            all.append(c).append(Character.toUpperCase(c));
        }
        return all.append("0123456789").toString();
    }
}
