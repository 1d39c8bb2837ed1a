package org.opensspr.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BannedPasswordScorerTest {

    private static final PasswordOwner CONTOSO = new PasswordOwner("", "", "Contoso");
    private static final BannedPasswordScorer WITH_GLOBAL_LIST = BannedPasswordScorer.withGlobalList(List.of("blank"));
    private static final BannedPasswordScorer CUSTOM_LIST_ONLY =
            new BannedPasswordScorer(BannedTermList.empty(), BannedTermList.of(List.of("blank"), 4));

    // Entra's documented examples: organization "Contoso", custom term "blank".

    @Test
    void contosoBlank12ScoresFourFromTheOrganizationAndCustomTermsAlone() {
        BannedPasswordScore score = CUSTOM_LIST_ONLY.score("C0ntos0Blank12", CONTOSO);

        assertThat(score.score()).isEqualTo(4);
        assertThat(score.matchedTerms()).containsExactly("contoso", "blank");
        assertThat(score.passes()).isFalse();
    }

    /**
     * The global list keeps base terms only, so zxcvbn's "blank1" (normalized "blankl") can't swallow
     * the "1" and the score stays at Entra's 4.
     */
    @Test
    void contosoBlank12ScoresFourAndIsRejectedWithTheGlobalList() {
        BannedPasswordScore score = WITH_GLOBAL_LIST.score("C0ntos0Blank12", CONTOSO);

        assertThat(GlobalBannedTerms.list().contains("blankl")).isFalse();
        assertThat(score.score()).isEqualTo(4);
        assertThat(score.matchedTerms()).containsExactly("contoso", "blank");
        assertThat(score.passes()).isFalse();
    }

    @Test
    void contosoBlankF9ScoresFiveAndPassesWithTheGlobalList() {
        BannedPasswordScore score = WITH_GLOBAL_LIST.score("ContoS0Bl@nkf9!", CONTOSO);

        assertThat(score.score()).isEqualTo(5);
        assertThat(score.matchedTerms()).containsExactly("contoso", "blank");
        assertThat(score.passes()).isTrue();
        assertThat(CUSTOM_LIST_ONLY.score("ContoS0Bl@nkf9!", CONTOSO)).isEqualTo(score);
    }

    @ParameterizedTest(name = "''{0}'' is one edit from ''{1}''")
    @CsvSource(textBlock = """
            # password,     global term,  how
              sunxhine,     sunshine,     one letter changed
              Qsunshine,    sunshine,     one letter added
              sushine,      sunshine,     one letter removed
              Sunshine!,    sunshine,     '! added'
              'P@$$w0rd1',  password,     'substitutions, then the 1 (as l) added'
              Monkey1,      monkey,       'a digit added'
              'P@$$w0rd',   password,     'substitutions only: exact'
              princes$,     princess,     '$ normalizes to s: exact match'
            """)
    void aWholePasswordOneEditFromAGlobalTermScoresOne(String password, String term, String how) {
        BannedPasswordScore score = WITH_GLOBAL_LIST.score(password, PasswordOwner.UNKNOWN);

        assertThat(score.score()).isEqualTo(1);
        assertThat(score.passes()).isFalse();
        // Several terms may be one edit away ("passwordl" is near "password" and "passwords"); any will do.
        assertThat(score.matchedTerms()).singleElement()
                .satisfies(matched -> assertThat(EditDistance.withinOne(matched, PasswordNormalizer.normalize(password))).isTrue());
        assertThat(GlobalBannedTerms.list().contains(term)).isTrue();
        assertThat(EditDistance.withinOne(term, PasswordNormalizer.normalize(password))).isTrue();
    }

    @Test
    void aWholePasswordOneEditFromACustomTermScoresOne() {
        var scorer = new BannedPasswordScorer(BannedTermList.empty(), BannedTermList.of(List.of("Fabrikam2026"), 4));

        assertThat(scorer.score("fabr1kam2o26", PasswordOwner.UNKNOWN).matchedTerms()).containsExactly("fabrikam2o26");
        assertThat(scorer.score("Fabrikam2027", PasswordOwner.UNKNOWN).score()).isEqualTo(1);
        // Two edits away is no longer the term itself, but it still contains it.
        assertThat(scorer.score("Fabrikam2026xy", PasswordOwner.UNKNOWN).score()).isEqualTo(3);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(textBlock = """
            # password,        score, matched terms (+ separated)
              JaneFabrikam!,   3,     jane+fabrikam
              Q7#janedoe!,     6,     jane+doe
              Doe#Doe#Q7,      6,     doe+doe
              'Fabrikam Inc#2', 3,    'fabrikam inc'
              Q7#fabrikamx,    5,     fabrikam
              'Q7#Inc!zz',     7,     inc
            """)
    void theOwnersNamesAndOrganizationAreBannedTerms(String password, int expected, String terms) {
        var owner = new PasswordOwner("Jane", "Doe", "Fabrikam Inc");

        BannedPasswordScore score = WITH_GLOBAL_LIST.score(password, owner);

        assertThat(score.score()).isEqualTo(expected);
        assertThat(score.matchedTerms()).containsExactly(terms.split("\\+"));
    }

    @Test
    void namesShorterThanThreeCharactersAreNotTerms() {
        var owner = new PasswordOwner("Li", "Wu", "AB");

        assertThat(CUSTOM_LIST_ONLY.score("LiWu#AB9", owner)).isEqualTo(new BannedPasswordScore(8, List.of()));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(textBlock = """
            # password,          score, matched terms
              dragonmonkeyQ7,    4,     dragon monkey
              Q7dragonmonkey,    4,     dragon monkey
              'dragon!monkey#',  4,     dragon monkey
              xxfootballQ7#,     6,     football
            """)
    void scoresOnePointPerTermAndOnePerOtherCharacter(String password, int expected, String terms) {
        BannedPasswordScore score = WITH_GLOBAL_LIST.score(password, PasswordOwner.UNKNOWN);

        assertThat(score.score()).isEqualTo(expected);
        assertThat(score.matchedTerms()).containsExactly(terms.split(" "));
    }

    @Test
    void picksTheNonOverlappingTermsThatGiveTheLowestScore() {
        // Leftmost-longest would take "abcde" and count f, g, h, i, X, Y, Z (8); "abcd" + "efghi" + XYZ scores 5.
        var scorer = new BannedPasswordScorer(BannedTermList.empty(), BannedTermList.of(List.of("abcde", "abcd", "efghi"), 4));

        BannedPasswordScore score = scorer.score("abcdefghiXYZ", PasswordOwner.UNKNOWN);

        assertThat(score.score()).isEqualTo(5);
        assertThat(score.matchedTerms()).containsExactly("abcd", "efghi");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(textBlock = """
            # password,       score
              'k7#Vq!x2Rm',   10
              'zq8#Kd!r',     8
              'Tr0ub4dor&3',  11
            """)
    void aStrongRandomLookingPasswordPasses(String password, int expected) {
        BannedPasswordScore score = WITH_GLOBAL_LIST.score(password, CONTOSO);

        assertThat(score).isEqualTo(new BannedPasswordScore(expected, List.of()));
        assertThat(score.passes()).isTrue();
    }

    @Test
    void anEmptyPasswordScoresZero() {
        assertThat(WITH_GLOBAL_LIST.score("", CONTOSO)).isEqualTo(new BannedPasswordScore(0, List.of()));
    }
}
