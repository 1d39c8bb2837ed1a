package org.opensspr.server.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    @ParameterizedTest(name = "after {0} failed attempt(s): wait {1} s, given up: {2}")
    @CsvSource(textBlock = """
            1,    30, false
            2,    60, false
            3,   120, false
            4,   240, false
            5,   480, false
            6,   960, false
            7,  1800, false
            9,  1800, false
            10, 1800, true
            40, 1800, true
            """)
    void doublesFromThirtySecondsUpToThirtyMinutesAndStopsAtTenAttempts(int failed, long seconds, boolean exhausted) {
        assertThat(RetrySchedule.DEFAULT.delayAfter(failed)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(RetrySchedule.DEFAULT.exhausted(failed)).isEqualTo(exhausted);
    }
}
