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

class ThrottlePropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    /** One subject's events and the throttle that judges them. */
    record Case(Throttle throttle, List<ThrottleEvent> events) {
    }

    @Property(tries = 500)
    void theDecisionDoesNotDependOnEventOrder(@ForAll("cases") Case c, @ForAll long seed,
                                             @ForAll @IntRange(max = 3 * 60 * 60) int nowSeconds) {
        Instant now = T0.plusSeconds(nowSeconds);
        List<ThrottleEvent> shuffled = new ArrayList<>(c.events());
        Collections.shuffle(shuffled, new Random(seed));

        ThrottleDecision decision = c.throttle().decide(c.events(), now);
        Statistics.label("blocked").collect(decision.isBlocked());

        assertThat(c.throttle().decide(shuffled, now)).isEqualTo(decision);
        Statistics.label("blocked").coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
    }

    @Property(tries = 500)
    void anotherEventNeverLiftsABlock(@ForAll("cases") Case c, @ForAll("extraEvents") ThrottleEvent extra,
                                      @ForAll @IntRange(max = 3 * 60 * 60) int nowSeconds) {
        Instant now = T0.plusSeconds(nowSeconds);
        List<ThrottleEvent> more = new ArrayList<>(c.events());
        more.add(extra);

        if (c.throttle().decide(c.events(), now) instanceof ThrottleDecision.Blocked before) {
            ThrottleDecision after = c.throttle().decide(more, now);
            assertThat(after).isInstanceOf(ThrottleDecision.Blocked.class);
            assertThat(((ThrottleDecision.Blocked) after).until()).isAfterOrEqualTo(before.until());
        }
    }

    @Property(tries = 500)
    void eventsOlderThanTheHorizonDoNotMatter(@ForAll("cases") Case c,
                                              @ForAll @IntRange(max = 60 * 60 * 60) int nowSeconds) {
        Instant now = T0.plusSeconds(nowSeconds);
        Instant oldest = now.minus(c.throttle().horizon());
        List<ThrottleEvent> recent = c.events().stream().filter(event -> event.at().isAfter(oldest)).toList();

        assertThat(c.throttle().decide(recent, now)).isEqualTo(c.throttle().decide(c.events(), now));
    }

    @Property(tries = 500)
    void theDecisionMatchesCountingEveryWindowByHand(@ForAll("cases") Case c,
                                                    @ForAll @IntRange(max = 3 * 60 * 60) int nowSeconds) {
        Instant now = T0.plusSeconds(nowSeconds);

        assertThat(c.throttle().decide(c.events(), now)).isEqualTo(byHand(c.throttle(), c.events(), now));
    }

    /** The rules read literally: for every counted event, count its window; quadratic, but obvious. */
    private static ThrottleDecision byHand(Throttle throttle, List<ThrottleEvent> events, Instant now) {
        Instant lastClear = events.stream().filter(event -> event.kind() == ThrottleEventKind.COUNTERS_CLEARED)
                .map(ThrottleEvent::at).max(Instant::compareTo).orElse(Instant.MIN);
        ThrottleDecision decision = ThrottleDecision.OPEN;
        for (ThrottleRule rule : throttle.rules()) {
            List<ThrottleEvent> counted = events.stream()
                    .filter(event -> event.at().isAfter(lastClear)).filter(rule.counts()).toList();
            for (ThrottleEvent end : counted) {
                long inWindow = counted.stream().filter(event -> event.at().isAfter(end.at().minus(rule.window()))
                        && !event.at().isAfter(end.at())).count();
                Instant until = end.at().plus(rule.blockFor());
                boolean later = !(decision instanceof ThrottleDecision.Blocked b) || until.isAfter(b.until());
                if (inWindow >= rule.limit() && now.isBefore(until) && later) {
                    decision = new ThrottleDecision.Blocked(until, rule);
                }
            }
        }
        return decision;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<ThrottleEventKind> userKinds = Arbitraries.of(ThrottleEventKind.class)
                .filter(kind -> kind != ThrottleEventKind.COUNTERS_CLEARED);
        Arbitrary<ThrottleEventKind> kinds = Arbitraries.frequencyOf(
                Tuple.of(40, userKinds), Tuple.of(1, Arbitraries.just(ThrottleEventKind.COUNTERS_CLEARED)));
        // Within three hours, the hour rule and the day rule both trip often.
        Arbitrary<Case> users = events(kinds, 3 * 60 * 60, 40).map(events -> new Case(Throttle.perUser(), events));
        // Mostly emails within half an hour, so the "more than 10" rule trips too.
        Arbitrary<ThrottleEventKind> mostlyEmails = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(ThrottleEventKind.EMAIL_SENT)), Tuple.of(2, kinds));
        Arbitrary<Case> emailers = events(mostlyEmails, 30 * 60, 40).map(events -> new Case(Throttle.perUser(), events));
        Arbitrary<Case> kiosks = events(Arbitraries.just(ThrottleEventKind.FLOW_STARTED), 20 * 60, 60)
                .map(events -> new Case(Throttle.perKiosk(), events));
        return Arbitraries.oneOf(users, emailers, kiosks);
    }

    @Provide
    Arbitrary<ThrottleEvent> extraEvents() {
        Arbitrary<ThrottleEventKind> notClearing = Arbitraries.of(ThrottleEventKind.class)
                .filter(kind -> kind != ThrottleEventKind.COUNTERS_CLEARED);
        return event(notClearing, 3 * 60 * 60);
    }

    private static Arbitrary<List<ThrottleEvent>> events(Arbitrary<ThrottleEventKind> kinds, int spanSeconds, int maxSize) {
        return event(kinds, spanSeconds).list().ofMinSize(maxSize / 4).ofMaxSize(maxSize);
    }

    private static Arbitrary<ThrottleEvent> event(Arbitrary<ThrottleEventKind> kinds, int spanSeconds) {
        // Whole minutes mostly, so events often share an instant and ties get exercised.
        Arbitrary<Integer> seconds = Arbitraries.oneOf(
                Arbitraries.integers().between(0, spanSeconds / 60).map(minutes -> minutes * 60),
                Arbitraries.integers().between(0, spanSeconds));
        return Combinators.combine(seconds, kinds, Arbitraries.of(true, false))
                .as((at, kind, failed) -> new ThrottleEvent(T0.plusSeconds(at), kind, failed && kind.proofAttempt()));
    }
}
