package org.opensspr.throttling;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SmartLockoutPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Property
    void everyLockoutLastsBetweenTheBaseAndHalfAnHour(@ForAll("settings") LockoutSettings settings,
                                                      @ForAll @IntRange(min = 1, max = 10_000) int n) {
        SmartLockout lockout = new SmartLockout(settings);
        Duration duration = lockout.lockoutDuration(n);
        Duration next = lockout.lockoutDuration(n + 1);

        assertThat(duration).isBetween(settings.lockoutDuration(), SmartLockout.MAX_LOCKOUT);
        assertThat(next).isBetween(duration, duration.multipliedBy(2));
    }

    @Property(tries = 500)
    void theCurrentLockCameFromAFailureAndTheLadder(@ForAll("settings") LockoutSettings settings,
                                                   @ForAll("attempts") List<SignInAttempt> attempts,
                                                   @ForAll @IntRange(max = 60 * 60) int secondsAfterLastAttempt) {
        SmartLockout lockout = new SmartLockout(settings);
        // Seen from after every attempt; a failure dated later than now (clock skew) may lock longer.
        Instant now = attempts.stream().map(SignInAttempt::at).max(Instant::compareTo).orElse(T0)
                .plusSeconds(secondsAfterLastAttempt);
        LockoutState state = lockout.evaluate(attempts, now);
        Statistics.label("lockouts").collect(Math.min(state.lockouts(), 2));

        assertThat(state.remaining(now)).isBetween(Duration.ZERO, SmartLockout.MAX_LOCKOUT);
        assertThat(state.lockedUntil().isPresent()).isEqualTo(state.lockouts() > 0);
        state.lockedUntil().ifPresent(until -> {
            Instant lockingFailure = until.minus(lockout.lockoutDuration(state.lockouts()));
            assertThat(attempts).anyMatch(a -> !a.succeeded() && a.at().equals(lockingFailure));
        });
        Statistics.label("lockouts").coverage(coverage -> {
            coverage.check(0).percentage(p -> p >= 5);
            coverage.check(2).percentage(p -> p >= 5);
        });
    }

    @Property(tries = 500)
    void theStateDoesNotDependOnAttemptOrder(@ForAll("settings") LockoutSettings settings,
                                            @ForAll("attempts") List<SignInAttempt> attempts,
                                            @ForAll long seed, @ForAll @IntRange(max = 30 * 60 * 60) int nowSeconds) {
        SmartLockout lockout = new SmartLockout(settings);
        Instant now = T0.plusSeconds(nowSeconds);
        List<SignInAttempt> shuffled = new ArrayList<>(attempts);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(lockout.evaluate(shuffled, now)).isEqualTo(lockout.evaluate(attempts, now));
    }

    @Provide
    Arbitrary<LockoutSettings> settings() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.integers().between(1, 120)),
                                Tuple.of(1, Arbitraries.integers().between(1, 30 * 60))).map(Duration::ofSeconds))
                .as(LockoutSettings::new);
    }

    @Provide
    Arbitrary<List<SignInAttempt>> attempts() {
        // Mostly within two hours, sometimes up to thirty, so the 24-hour memory is crossed too.
        Arbitrary<Instant> at = Arbitraries.frequencyOf(
                        Tuple.of(9, Arbitraries.integers().between(0, 2 * 60 * 60)),
                        Tuple.of(1, Arbitraries.integers().between(0, 30 * 60 * 60)))
                .map(T0::plusSeconds);
        // A small pool of wrong passwords, so repeats are common.
        Arbitrary<String> fingerprint = Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h");
        Arbitrary<SignInAttempt> failure = Combinators.combine(at, fingerprint).as(SignInAttempt::failure);
        Arbitrary<SignInAttempt> success = at.map(SignInAttempt::success);
        return Arbitraries.frequencyOf(Tuple.of(15, failure), Tuple.of(1, success)).list().ofMaxSize(60);
    }
}
