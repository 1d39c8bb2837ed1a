package org.opensspr.throttling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opensspr.throttling.ThrottleEventKind.APP_CODE_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.APP_NOTIFICATION_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.CODE_ENTRY_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.COUNTERS_CLEARED;
import static org.opensspr.throttling.ThrottleEventKind.EMAIL_SENT;
import static org.opensspr.throttling.ThrottleEventKind.FLOW_STARTED;
import static org.opensspr.throttling.ThrottleEventKind.SECURITY_QUESTION_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.SMS_SENT;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final Throttle user = Throttle.perUser();

    /** The user rules, one row per way of tripping them; events {@code spacing} apart, well inside the window. */
    private static final String USER_RULES = """
            # rule,          kind,                      failed, limit, spacing
            failed-proofs,   CODE_ENTRY_ATTEMPT,        true,   5,     PT1H
            failed-proofs,   SECURITY_QUESTION_ATTEMPT, true,   5,     PT1H
            failed-proofs,   APP_NOTIFICATION_ATTEMPT,  true,   5,     PT1H
            failed-proofs,   APP_CODE_ATTEMPT,          true,   5,     PT1H
            method-attempts, SMS_SENT,                  false,  5,     PT10M
            method-attempts, VOICE_CALL_PLACED,         false,  5,     PT10M
            method-attempts, APP_CODE_ATTEMPT,          false,  5,     PT10M
            method-attempts, APP_NOTIFICATION_ATTEMPT,  false,  5,     PT10M
            method-attempts, SECURITY_QUESTION_ATTEMPT, false,  5,     PT10M
            emails-sent,     EMAIL_SENT,                false,  11,    PT30S
            """;

    @ParameterizedTest(name = "{0}: {3} - 1 × {1} stays open")
    @CsvSource(textBlock = USER_RULES)
    void oneBelowTheLimitStaysOpen(String rule, ThrottleEventKind kind, boolean failed, int limit, Duration spacing) {
        List<ThrottleEvent> events = series(T0, limit - 1, spacing, kind, failed);

        assertThat(user.decide(events, last(events))).isEqualTo(ThrottleDecision.OPEN);
    }

    @ParameterizedTest(name = "{0}: {3} × {1} blocks for 24 h")
    @CsvSource(textBlock = USER_RULES)
    void reachingTheLimitBlocksFor24Hours(String rule, ThrottleEventKind kind, boolean failed, int limit, Duration spacing) {
        List<ThrottleEvent> events = series(T0, limit, spacing, kind, failed);
        Instant blockStart = last(events);

        assertThat(user.decide(events, blockStart))
                .isEqualTo(new ThrottleDecision.Blocked(blockStart.plus(DAY), rule(rule)));
        assertThat(user.decide(events, blockStart.plus(DAY).minus(SECOND)).isBlocked()).isTrue();
        assertThat(user.decide(events, blockStart.plus(DAY))).isEqualTo(ThrottleDecision.OPEN);
        assertThat(user.decide(events, blockStart.plus(DAY).plus(SECOND))).isEqualTo(ThrottleDecision.OPEN);
    }

    @ParameterizedTest(name = "{0}: the first {1} a whole window earlier doesn't count")
    @CsvSource(textBlock = USER_RULES)
    void anEventAWholeWindowEarlierFallsOut(String rule, ThrottleEventKind kind, boolean failed, int limit, Duration spacing) {
        Duration window = rule(rule).window();
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 1, Duration.ZERO, kind, failed));
        events.addAll(series(T0.plus(window), limit - 1, Duration.ZERO, kind, failed));

        assertThat(user.decide(events, T0.plus(window))).isEqualTo(ThrottleDecision.OPEN);
    }

    @ParameterizedTest(name = "{0}: the first {1} a second inside the window still counts")
    @CsvSource(textBlock = USER_RULES)
    void anEventOneSecondInsideTheWindowCounts(String rule, ThrottleEventKind kind, boolean failed, int limit, Duration spacing) {
        Duration window = rule(rule).window();
        Instant blockStart = T0.plus(window).minus(SECOND);
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 1, Duration.ZERO, kind, failed));
        events.addAll(series(blockStart, limit - 1, Duration.ZERO, kind, failed));

        assertThat(user.decide(events, blockStart))
                .isEqualTo(new ThrottleDecision.Blocked(blockStart.plus(DAY), rule(rule)));
    }

    @Test
    void fiveFailuresSpreadAcross24HoursAndOneSecondStayOpen() {
        Duration spacing = DAY.plus(SECOND).dividedBy(4);
        List<ThrottleEvent> events = series(T0, 5, spacing, CODE_ENTRY_ATTEMPT, true);

        assertThat(last(events)).isEqualTo(T0.plus(DAY).plus(SECOND));
        assertThat(user.decide(events, last(events))).isEqualTo(ThrottleDecision.OPEN);
    }

    @ParameterizedTest(name = "{0}: a successful reset clears {1}")
    @CsvSource(textBlock = USER_RULES)
    void aSuccessfulResetClearsTheCounters(String rule, ThrottleEventKind kind, boolean failed, int limit, Duration spacing) {
        List<ThrottleEvent> events = new ArrayList<>(series(T0, limit - 1, spacing, kind, failed));
        Instant cleared = last(events).plus(SECOND);
        events.add(ThrottleEvent.of(cleared, COUNTERS_CLEARED));
        events.add(new ThrottleEvent(cleared.plus(SECOND), kind, failed));

        assertThat(user.decide(events, cleared.plus(SECOND))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void eventsAtTheInstantOfTheClearAreCleared() {
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 4, Duration.ZERO, CODE_ENTRY_ATTEMPT, true));
        events.add(ThrottleEvent.of(T0, COUNTERS_CLEARED));
        events.add(ThrottleEvent.failed(T0.plus(SECOND), CODE_ENTRY_ATTEMPT));

        assertThat(user.decide(events, T0.plus(SECOND))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void onlyTheLatestClearMatters() {
        List<ThrottleEvent> events = new ArrayList<>();
        events.add(ThrottleEvent.of(T0, COUNTERS_CLEARED));
        events.addAll(series(T0.plus(SECOND), 5, Duration.ofMinutes(1), CODE_ENTRY_ATTEMPT, true));
        Instant fifth = T0.plus(SECOND).plus(Duration.ofMinutes(4));
        assertThat(user.decide(events, fifth).isBlocked()).isTrue();

        events.add(ThrottleEvent.of(fifth, COUNTERS_CLEARED));
        assertThat(user.decide(events, fifth)).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void failedProofsOfDifferentMethodsAddUpOver24Hours() {
        Duration spacing = Duration.ofHours(5);
        List<ThrottleEvent> events = List.of(
                ThrottleEvent.failed(T0, CODE_ENTRY_ATTEMPT),
                ThrottleEvent.failed(T0.plus(spacing), SECURITY_QUESTION_ATTEMPT),
                ThrottleEvent.failed(T0.plus(spacing.multipliedBy(2)), APP_NOTIFICATION_ATTEMPT),
                ThrottleEvent.failed(T0.plus(spacing.multipliedBy(3)), APP_CODE_ATTEMPT),
                ThrottleEvent.failed(T0.plus(spacing.multipliedBy(4)), CODE_ENTRY_ATTEMPT));
        Instant fifth = T0.plus(spacing.multipliedBy(4));

        assertThat(user.decide(events.subList(0, 4), fifth)).isEqualTo(ThrottleDecision.OPEN);
        assertThat(user.decide(events, fifth))
                .isEqualTo(new ThrottleDecision.Blocked(fifth.plus(DAY), Throttle.FAILED_PROOFS));
    }

    @Test
    void successfulAppAttemptsCountInTheHourRuleOnly() {
        List<ThrottleEvent> withinAnHour = series(T0, 5, Duration.ofMinutes(10), APP_CODE_ATTEMPT, false);
        List<ThrottleEvent> overEightHours = series(T0, 5, Duration.ofHours(2), APP_CODE_ATTEMPT, false);

        assertThat(user.decide(withinAnHour, last(withinAnHour)))
                .isEqualTo(new ThrottleDecision.Blocked(last(withinAnHour).plus(DAY), Throttle.METHOD_ATTEMPTS));
        assertThat(user.decide(overEightHours, last(overEightHours))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void aSuccessfulProofIsNotAFailedOne() {
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 4, Duration.ofHours(2), CODE_ENTRY_ATTEMPT, true));
        events.add(ThrottleEvent.of(T0.plus(Duration.ofHours(9)), APP_CODE_ATTEMPT));

        assertThat(user.decide(events, T0.plus(Duration.ofHours(9)))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void typingSentCodesRightCountsNowhere() {
        // The send itself (SMS, voice, email) is what the hour and email rules count.
        List<ThrottleEvent> events = series(T0, 20, SECOND, CODE_ENTRY_ATTEMPT, false);

        assertThat(user.decide(events, last(events))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void whenSeveralRulesBlockTheLatestEndWins() {
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 5, Duration.ofMinutes(1), SMS_SENT, false));
        Instant smsBlockEnd = T0.plus(Duration.ofMinutes(4)).plus(DAY);
        Instant emailStart = T0.plus(Duration.ofHours(2));
        events.addAll(series(emailStart, 11, SECOND, EMAIL_SENT, false));
        Instant emailBlockEnd = emailStart.plus(Duration.ofSeconds(10)).plus(DAY);

        assertThat(user.decide(events, emailStart.plus(Duration.ofSeconds(10))))
                .isEqualTo(new ThrottleDecision.Blocked(emailBlockEnd, Throttle.EMAILS_SENT));
        assertThat(user.decide(events.subList(0, 5), emailStart))
                .isEqualTo(new ThrottleDecision.Blocked(smsBlockEnd, Throttle.METHOD_ATTEMPTS));
    }

    @Test
    void eventsNeedNotBeSorted() {
        List<ThrottleEvent> events = new ArrayList<>(series(T0, 5, Duration.ofMinutes(1), SMS_SENT, false));
        Instant fifth = last(events);

        assertThat(user.decide(events.reversed(), fifth))
                .isEqualTo(new ThrottleDecision.Blocked(fifth.plus(DAY), Throttle.METHOD_ATTEMPTS));
    }

    @Test
    void userRulesIgnoreKioskFlowStarts() {
        List<ThrottleEvent> events = series(T0, 100, SECOND, FLOW_STARTED, false);

        assertThat(user.decide(events, last(events))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void blockedSaysHowLongIsLeft() {
        var blocked = new ThrottleDecision.Blocked(T0.plus(DAY), Throttle.FAILED_PROOFS);

        assertThat(blocked.remaining(T0)).isEqualTo(DAY);
        assertThat(blocked.remaining(T0.plus(DAY).plus(SECOND))).isEqualTo(Duration.ZERO);
    }

    @Test
    void horizonCoversTheLongestWindowPlusBlock() {
        assertThat(Throttle.perUser().horizon()).isEqualTo(Duration.ofHours(48));
        assertThat(Throttle.perKiosk().horizon()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void onlyProofAttemptsCanFail() {
        assertThatIllegalArgumentException().isThrownBy(() -> ThrottleEvent.failed(T0, EMAIL_SENT));
        assertThatIllegalArgumentException().isThrownBy(() -> ThrottleEvent.failed(T0, COUNTERS_CLEARED));
    }

    @Test
    void rulesRejectNonsense() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ThrottleRule("r", Duration.ZERO, 1, DAY, event -> true));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ThrottleRule("r", DAY, 0, DAY, event -> true));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ThrottleRule(" ", DAY, 1, DAY, event -> true));
    }

    @Test
    void ruleTextNamesItsShape() {
        assertThat(Throttle.EMAILS_SENT).hasToString("emails-sent[11 in PT10M → blocked PT24H]");
    }

    private static ThrottleRule rule(String name) {
        return Stream.of(Throttle.perUser(), Throttle.perKiosk())
                .flatMap(throttle -> throttle.rules().stream())
                .filter(rule -> rule.name().equals(name))
                .findFirst().orElseThrow();
    }

    static List<ThrottleEvent> series(Instant start, int count, Duration spacing, ThrottleEventKind kind, boolean failed) {
        return IntStream.range(0, count)
                .mapToObj(i -> new ThrottleEvent(start.plus(spacing.multipliedBy(i)), kind, failed))
                .toList();
    }

    static Instant last(List<ThrottleEvent> events) {
        return events.stream().map(ThrottleEvent::at).max(Instant::compareTo).orElseThrow();
    }
}
