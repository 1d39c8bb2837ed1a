package org.opensspr.throttling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmartLockoutTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration DAY = Duration.ofHours(24);

    private final SmartLockout lockout = SmartLockout.withDefaults();

    @Test
    void nineDistinctFailuresDontLock() {
        List<SignInAttempt> attempts = distinctFailures(T0, 9);

        assertThat(lockout.evaluate(attempts, last(attempts)))
                .isEqualTo(new LockoutState(false, Optional.empty(), 9, 0));
    }

    @Test
    void theTenthFailureLocksForSixtySeconds() {
        List<SignInAttempt> attempts = distinctFailures(T0, 10);
        Instant tenth = last(attempts);
        Instant until = tenth.plusSeconds(60);

        assertThat(lockout.evaluate(attempts, tenth)).isEqualTo(new LockoutState(true, Optional.of(until), 0, 1));
        LockoutState at59 = lockout.evaluate(attempts, tenth.plusSeconds(59));
        assertThat(at59.locked()).isTrue();
        assertThat(at59.remaining(tenth.plusSeconds(59))).isEqualTo(SECOND);
        assertThat(lockout.evaluate(attempts, tenth.plusSeconds(60)).locked()).isFalse();
        LockoutState at61 = lockout.evaluate(attempts, tenth.plusSeconds(61));
        assertThat(at61).isEqualTo(new LockoutState(false, Optional.of(until), 0, 1));
        assertThat(at61.remaining(tenth.plusSeconds(61))).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "lockout {0} lasts {1}")
    @CsvSource(textBlock = """
            # lockout, duration
            1,  PT1M
            2,  PT2M
            3,  PT4M
            4,  PT8M
            5,  PT16M
            6,  PT30M
            7,  PT30M
            20, PT30M
            """)
    void eachFurtherFailureLocksForDoubleTheTimeUpToHalfAnHour(int lockouts, Duration expected) {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        LockoutState state = lockout.evaluate(attempts, last(attempts));
        for (int n = 2; n <= lockouts; n++) {
            // One new wrong password the moment the previous lockout ends.
            attempts.add(SignInAttempt.failure(state.lockedUntil().orElseThrow(), "again-" + n));
            state = lockout.evaluate(attempts, last(attempts));
        }

        assertThat(state.lockouts()).isEqualTo(lockouts);
        assertThat(state.locked()).isTrue();
        assertThat(state.remaining(last(attempts))).isEqualTo(expected);
        assertThat(lockout.lockoutDuration(lockouts)).isEqualTo(expected);
    }

    @Test
    void aFailureAfterTheFirstLockoutLocksAgainForTwoMinutes() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        Instant retry = last(attempts).plusSeconds(61);
        attempts.add(SignInAttempt.failure(retry, "eleventh"));

        assertThat(lockout.evaluate(attempts, retry))
                .isEqualTo(new LockoutState(true, Optional.of(retry.plusSeconds(120)), 0, 2));
    }

    @ParameterizedTest(name = "{0} → {1} counted")
    @CsvSource(textBlock = """
            # wrong passwords in order,              counted
            a,                                       1
            a a a a a a a a a a a a,                 1
            a b a b a b,                             2
            a b c a b c a b c,                       3
            a b c d a,                               5
            a b c d e f a b c,                       9
            # a repeat makes a password the most recent again, so d pushes b out, not a
            a b c a d a,                             4
            a b c a d b,                             5
            """)
    void aRepeatedWrongPasswordCountsOnce(String passwords, int counted) {
        List<SignInAttempt> attempts = failures(T0, passwords.split(" "));

        assertThat(lockout.evaluate(attempts, last(attempts)).failuresTowardLockout()).isEqualTo(counted);
    }

    @Test
    void tenFailuresWithOneRepeatDontLock() {
        List<SignInAttempt> attempts = failures(T0, "a b c d e f g h i i".split(" "));

        assertThat(lockout.evaluate(attempts, last(attempts)).locked()).isFalse();
    }

    @Test
    void aRepeatedWrongPasswordAfterALockoutDoesntLockAgain() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        attempts.add(SignInAttempt.failure(last(attempts).plusSeconds(61), "wrong-10"));

        assertThat(lockout.evaluate(attempts, last(attempts)))
                .isEqualTo(new LockoutState(false, Optional.of(T0.plusSeconds(9 + 60)), 0, 1));
    }

    @Test
    void aDayWithoutFailuresForgetsEverything() {
        List<SignInAttempt> attempts = distinctFailures(T0, 10);
        Instant lastFailure = last(attempts);

        assertThat(lockout.evaluate(attempts, lastFailure.plus(DAY).minus(SECOND)))
                .isEqualTo(new LockoutState(false, Optional.of(lastFailure.plusSeconds(60)), 0, 1));
        assertThat(lockout.evaluate(attempts, lastFailure.plus(DAY))).isEqualTo(LockoutState.CLEAR);
    }

    @Test
    void aFailureJustInsideTheDayStillEscalates() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        Instant retry = last(attempts).plus(DAY).minus(SECOND);
        attempts.add(SignInAttempt.failure(retry, "late"));

        assertThat(lockout.evaluate(attempts, retry))
                .isEqualTo(new LockoutState(true, Optional.of(retry.plusSeconds(120)), 0, 2));
    }

    @Test
    void aFailureAfterADayStartsAfresh() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        Instant retry = last(attempts).plus(DAY);
        attempts.add(SignInAttempt.failure(retry, "wrong-10")); // remembered no longer

        assertThat(lockout.evaluate(attempts, retry)).isEqualTo(new LockoutState(false, Optional.empty(), 1, 0));
    }

    @Test
    void aSuccessfulSignInResetsCountsAndRememberedPasswords() {
        List<SignInAttempt> attempts = new ArrayList<>(failures(T0, "a b c d e f g h i".split(" ")));
        attempts.add(SignInAttempt.success(T0.plusSeconds(20)));
        attempts.addAll(failures(T0.plusSeconds(30), "a b c".split(" ")));

        assertThat(lockout.evaluate(attempts, last(attempts))).isEqualTo(new LockoutState(false, Optional.empty(), 3, 0));
    }

    @Test
    void aSuccessfulSignInAfterALockoutForgetsTheLockout() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        Instant afterLock = last(attempts).plusSeconds(61);
        attempts.add(SignInAttempt.success(afterLock));
        attempts.add(SignInAttempt.failure(afterLock.plusSeconds(1), "fresh"));

        assertThat(lockout.evaluate(attempts, afterLock.plusSeconds(1)))
                .isEqualTo(new LockoutState(false, Optional.empty(), 1, 0));
    }

    @Test
    void failuresDuringALockNeitherCountNorAreRemembered() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        Instant tenth = last(attempts);
        attempts.addAll(failures(tenth.plusSeconds(30), "x y z w v".split(" ")));

        assertThat(lockout.evaluate(attempts, tenth.plusSeconds(35)))
                .isEqualTo(new LockoutState(true, Optional.of(tenth.plusSeconds(60)), 0, 1));

        Instant expired = tenth.plusSeconds(60);
        attempts.add(SignInAttempt.failure(expired, "x"));
        assertThat(lockout.evaluate(attempts, expired))
                .isEqualTo(new LockoutState(true, Optional.of(expired.plusSeconds(120)), 0, 2));
    }

    @Test
    void aSuccessThatGotThroughIsHonouredEvenDuringALock() {
        // The server refuses sign-ins while locked; a success recorded anyway (another instance
        // that had not yet seen the lock) was a verified password, so it resets like any other.
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 10));
        attempts.add(SignInAttempt.success(last(attempts).plusSeconds(30)));

        assertThat(lockout.evaluate(attempts, last(attempts))).isEqualTo(LockoutState.CLEAR);
    }

    @Test
    void atOneInstantASuccessComesBeforeFailures() {
        List<SignInAttempt> attempts = new ArrayList<>(distinctFailures(T0, 9));
        Instant same = last(attempts).plusSeconds(1);
        attempts.add(SignInAttempt.failure(same, "tenth"));
        attempts.add(SignInAttempt.success(same));

        assertThat(lockout.evaluate(attempts, same)).isEqualTo(new LockoutState(false, Optional.empty(), 1, 0));
        assertThat(lockout.evaluate(attempts.reversed(), same)).isEqualTo(new LockoutState(false, Optional.empty(), 1, 0));
    }

    @Test
    void customSettingsScaleTheLadder() {
        SmartLockout strict = new SmartLockout(new LockoutSettings(3, Duration.ofMinutes(5)));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(strict::lockoutDuration).toList())
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                        Duration.ofMinutes(30), Duration.ofMinutes(30));
        List<SignInAttempt> attempts = distinctFailures(T0, 3);
        assertThat(strict.evaluate(attempts, last(attempts)).remaining(last(attempts))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsAreEntrasTenFailuresAndSixtySeconds() {
        assertThat(LockoutSettings.DEFAULT).isEqualTo(new LockoutSettings(10, Duration.ofSeconds(60)));
        assertThat(lockout.evaluate(List.of(), T0)).isEqualTo(LockoutState.CLEAR);
    }

    @ParameterizedTest(name = "threshold {0}, lockout {1} rejected")
    @CsvSource(textBlock = """
            0,  PT1M
            10, PT0S
            10, PT-1S
            10, PT30M1S
            """)
    void settingsRejectNonsense(int threshold, Duration lockoutDuration) {
        assertThatIllegalArgumentException().isThrownBy(() -> new LockoutSettings(threshold, lockoutDuration));
    }

    @Test
    void attemptsCarryAFingerprintExactlyWhenTheyFailed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInAttempt(T0, true, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInAttempt(T0, false, null));
        assertThatIllegalArgumentException().isThrownBy(() -> lockout.lockoutDuration(0));
    }

    /** {@code count} failures a second apart, each with a new wrong password {@code wrong-1 … wrong-count}. */
    static List<SignInAttempt> distinctFailures(Instant start, int count) {
        return failures(start, IntStream.rangeClosed(1, count).mapToObj(i -> "wrong-" + i).toArray(String[]::new));
    }

    /** One failure per fingerprint, a second apart. */
    static List<SignInAttempt> failures(Instant start, String... fingerprints) {
        return IntStream.range(0, fingerprints.length)
                .mapToObj(i -> SignInAttempt.failure(start.plusSeconds(i), fingerprints[i]))
                .toList();
    }

    static Instant last(List<SignInAttempt> attempts) {
        return attempts.stream().map(SignInAttempt::at).max(Instant::compareTo).orElseThrow();
    }
}
