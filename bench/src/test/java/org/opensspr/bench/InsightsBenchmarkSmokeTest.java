package org.opensspr.bench;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.DailyActivityDto;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.MethodOutcomeDto;
import org.opensspr.methods.AuthMethod;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.INSIGHTS_HOURLY;

/**
 * {@link InsightsBenchmark} at a smoke size, each method called once on both databases with its answer checked:
 * the reports over 10,000 events (8 h 20 min before 2026-12-01 UTC) and one seal of 1,000 events with and
 * without rollups. CI runs this; the figures come from the full size by hand (docs/performance.md).
 */
class InsightsBenchmarkSmokeTest {
    private static final int EVENTS = 10_000;
    /**
     * The rollup hours a report to 30 November in Berlin counts: the events reach back 8 h 20 min from midnight
     * UTC, in 9 hours; the last of them, 23:00 UTC, is already 1 December in Berlin.
     */
    private static final int HOURS_REPORTED = 8;
    /** Each hour's resets, unlocks and e-mail gates: a quarter of 1,200 events, one in five of those failed. */
    private static final int SUCCEEDED_PER_HOUR = 240;
    private static final int FAILED_PER_HOUR = 60;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void reportsCountTheRollupsOfTheirRange(String database) {
        InsightsBenchmark.Report state = new InsightsBenchmark.Report();
        state.events = EVENTS;
        state.database = database;
        state.fill();
        try {
            InsightsBenchmark bench = new InsightsBenchmark();
            for (InsightsDto report : new InsightsDto[] {bench.report30Days(state), bench.report365Days(state)}) {
                assertThat(report.to()).isEqualTo(LocalDate.of(2026, 11, 30));
                DailyActivityDto last = report.days().getLast();
                assertThat(last.day()).isEqualTo(report.to());
                assertThat(last.resetsSucceeded()).isEqualTo(HOURS_REPORTED * SUCCEEDED_PER_HOUR);
                assertThat(last.resetsFailed()).isEqualTo(HOURS_REPORTED * FAILED_PER_HOUR);
                assertThat(last.unlocksSucceeded()).isEqualTo(HOURS_REPORTED * SUCCEEDED_PER_HOUR);
                assertThat(report.days().subList(0, report.days().size() - 1))
                        .allSatisfy(day -> assertThat(day.resetsSucceeded() + day.unlocksSucceeded()).isZero());
                assertThat(report.gates()).filteredOn(g -> g.method() == AuthMethod.EMAIL).singleElement()
                        .isEqualTo(new MethodOutcomeDto(AuthMethod.EMAIL, HOURS_REPORTED * SUCCEEDED_PER_HOUR,
                                HOURS_REPORTED * FAILED_PER_HOUR));
            }
            assertThat(bench.report30Days(state).days()).hasSize(30);
            assertThat(bench.report365Days(state).days()).hasSize(365);
        } finally {
            state.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSealLinksTheThousandEventsAndOnlyTheCountingOneRollsThemUp(String database) {
        InsightsBenchmark.Sealing state = new InsightsBenchmark.Sealing();
        state.database = database;
        state.start();
        try {
            InsightsBenchmark bench = new InsightsBenchmark();
            state.write();
            assertThat(bench.seal1000Events(state)).isEqualTo(InsightsBenchmark.Sealing.BATCH);
            assertThat(resetsRolledUp(state)).isZero();
            state.write();
            assertThat(bench.seal1000EventsWithRollups(state)).isEqualTo(InsightsBenchmark.Sealing.BATCH);
            // One event in five of a batch is a completed reset.
            assertThat(resetsRolledUp(state)).isEqualTo(InsightsBenchmark.Sealing.BATCH / 5);
        } finally {
            state.stop();
        }
    }

    private static long resetsRolledUp(InsightsBenchmark.Sealing state) {
        Number sum = state.server.server().database().dsl().select(org.jooq.impl.DSL.sum(INSIGHTS_HOURLY.EVENTS))
                .from(INSIGHTS_HOURLY)
                .where(INSIGHTS_HOURLY.ACTIVITY.eq(AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName()))
                .fetchOne(0, Number.class);
        return sum == null ? 0 : sum.longValue();
    }
}
