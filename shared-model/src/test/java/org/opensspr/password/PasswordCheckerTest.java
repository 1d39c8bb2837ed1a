package org.opensspr.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordCheckerTest {

    private static final PasswordOwner JANE = new PasswordOwner("Jane", "Doe", "Contoso");
    private static final PasswordChecker CHECKER = PasswordChecker.forCloudUsers(
            PasswordRequirements.CLOUD, BannedPasswordScorer.withGlobalList(List.of("blank")));

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(textBlock = """
            # password,             violation kinds (+ separated, in rule order)
              'k7#Vq!x2Rm',         none
              'ContoS0Bl@nkf9!',    none
              'k7#Vq!x2',           none
              'k7#Vq!x',            TooShort
              'k7vqx2rm',           TooFewCharacterClasses
              'k7#Vq!x2Rmé',        DisallowedCharacters
              'C0ntos0Blank12',     BannedPassword
              'Sunshine!',          BannedPassword
              'JaneDoe#7',          BannedPassword
              'Current#Pw9',        SameAsCurrentPassword
              'é',                  TooShort+DisallowedCharacters+TooFewCharacterClasses+BannedPassword
              'sunshine',           TooFewCharacterClasses+BannedPassword
            """)
    void reportsEveryViolationInRuleOrder(String password, String kinds) {
        var candidate = new PasswordCandidate(password, JANE, "Current#Pw9"::equals);

        List<String> found = CHECKER.check(candidate).stream().map(v -> v.getClass().getSimpleName()).toList();

        assertThat(found).containsExactly(kinds.equals("none") ? new String[0] : kinds.split("\\+"));
        assertThat(CHECKER.accepts(candidate)).isEqualTo(kinds.equals("none"));
    }

    @Test
    void violationsCarryTheNumbersTheKioskNeedsToExplainThem() {
        // "sunshine" is a common password; the inserted tab is the one edit the fuzzy step forgives.
        var candidate = PasswordCandidate.of("sun\tshine");

        assertThat(CHECKER.check(candidate)).containsExactly(
                new PasswordViolation.DisallowedCharacters(List.of((int) '\t')),
                new PasswordViolation.TooFewCharacterClasses(3, EnumSet.of(CharacterClass.LOWER_CASE)),
                new PasswordViolation.BannedPassword(1, 5, List.of("sunshine")));
    }

    /** ADR 28: the comparison costs a hash, so a password the cheap rules refuse is never compared. */
    @Test
    void theCurrentPasswordIsComparedOnlyForAnOtherwiseAcceptablePassword() {
        java.util.concurrent.atomic.AtomicInteger comparisons = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Predicate<String> current = typed -> {
            comparisons.incrementAndGet();
            return typed.startsWith("Cur");
        };

        assertThat(CHECKER.check(new PasswordCandidate("Cur#1", JANE, current)))
                .singleElement().isInstanceOf(PasswordViolation.TooShort.class);
        assertThat(CHECKER.check(new PasswordCandidate("sunshine", JANE, current))).hasSize(2);
        assertThat(comparisons).as("refused by cheaper rules: not compared").hasValue(0);

        assertThat(CHECKER.check(new PasswordCandidate("Current#Pw9", JANE, current)))
                .singleElement().isInstanceOf(PasswordViolation.SameAsCurrentPassword.class);
        assertThat(CHECKER.check(new PasswordCandidate("k7#Vq!x2Rm", JANE, current))).isEmpty();
        assertThat(comparisons).hasValue(2);
    }

    @Test
    void keepsThePasswordOutOfItsStringForm() {
        assertThat(PasswordCandidate.of("Secret#2024").toString()).doesNotContain("Secret#2024");
    }
}
