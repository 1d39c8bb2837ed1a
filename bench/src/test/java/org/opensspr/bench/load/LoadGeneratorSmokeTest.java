package org.opensspr.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator in a smoke size: 2 kiosks × 3 complete resets against an in-process server. */
class LoadGeneratorSmokeTest {
    private static final int KIOSKS = 2;
    private static final int FLOWS_EACH = 3;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyFlowCompletesAndEveryFigureIsThere() throws Exception {
        LoadReport report = LoadRun.run(LoadOptions.flows(KIOSKS, FLOWS_EACH, 10));

        assertThat(report.errors()).as("errors by code").isEmpty();
        assertThat(report.flowsFailed()).isZero();
        assertThat(report.flowsCompleted()).isEqualTo(KIOSKS * FLOWS_EACH);
        assertThat(report.latencies()).containsKeys(ResetFlow.START, ResetFlow.IDENTIFY, ResetFlow.CHOOSE_METHOD,
                ResetFlow.PROVE, ResetFlow.NEW_PASSWORD, TestOutbox.ENDPOINT);
        assertThat(report.latencies().get(ResetFlow.NEW_PASSWORD).count()).isEqualTo(KIOSKS * FLOWS_EACH);
        report.latencies().values().forEach(latency -> {
            assertThat(latency.p50()).isPositive();
            assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p50());
        });
        assertThat(report.flowsPerSecond()).isPositive().isFinite();
        assertThat(report.serverCpuSecondsPerReset()).isPositive();
        assertThat(report.hashing().cpuMsPerHash()).isPositive();
        // 10 fresh users for 6 flows: each user resets once, so one hash each.
        assertThat(report.hashing().hashesPerReset()).isEqualTo(1.0);
        assertThat(report.hashing().hashBoundLimit()).isPositive().isFinite();
        assertThat(report.hashing().ratio()).isPositive().isFinite();
    }
}
