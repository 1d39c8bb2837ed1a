package org.opensspr.throttling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.throttling.ThrottleEventKind.FLOW_STARTED;
import static org.opensspr.throttling.ThrottleEventKind.SMS_SENT;
import static org.opensspr.throttling.ThrottleTest.last;
import static org.opensspr.throttling.ThrottleTest.series;

class KioskThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration EVERY_TEN_SECONDS = Duration.ofSeconds(10);

    private final Throttle kiosk = Throttle.perKiosk();

    @Test
    void twentyNineStartsInTenMinutesStayOpen() {
        List<ThrottleEvent> starts = series(T0, 29, EVERY_TEN_SECONDS, FLOW_STARTED, false);

        assertThat(kiosk.decide(starts, last(starts))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void theThirtiethStartMakesTheKioskWaitTenMinutes() {
        List<ThrottleEvent> starts = series(T0, 30, EVERY_TEN_SECONDS, FLOW_STARTED, false);
        Instant thirtieth = last(starts);

        assertThat(kiosk.decide(starts, thirtieth))
                .isEqualTo(new ThrottleDecision.Blocked(thirtieth.plus(TEN_MINUTES), Throttle.KIOSK_FLOW_STARTS));
        assertThat(kiosk.decide(starts, thirtieth.plus(TEN_MINUTES).minusSeconds(1)).isBlocked()).isTrue();
        assertThat(kiosk.decide(starts, thirtieth.plus(TEN_MINUTES))).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    void afterTheWaitTheKioskStartsAfresh() {
        List<ThrottleEvent> starts = new ArrayList<>(series(T0, 30, EVERY_TEN_SECONDS, FLOW_STARTED, false));
        Instant reopened = last(starts).plus(TEN_MINUTES);
        starts.addAll(series(reopened, 29, EVERY_TEN_SECONDS, FLOW_STARTED, false));

        assertThat(kiosk.decide(starts, last(starts))).isEqualTo(ThrottleDecision.OPEN);

        starts.add(ThrottleEvent.of(last(starts).plus(EVERY_TEN_SECONDS), FLOW_STARTED));
        assertThat(kiosk.decide(starts, last(starts)).isBlocked()).isTrue();
    }

    @Test
    void theKioskRuleCountsOnlyFlowStarts() {
        List<ThrottleEvent> sends = series(T0, 100, Duration.ofSeconds(1), SMS_SENT, false);

        assertThat(kiosk.decide(sends, last(sends))).isEqualTo(ThrottleDecision.OPEN);
    }
}
