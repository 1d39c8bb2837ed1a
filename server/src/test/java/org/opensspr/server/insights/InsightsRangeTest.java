package org.opensspr.server.insights;

import org.junit.jupiter.api.Test;
import org.opensspr.api.DurationBucketDto;
import org.opensspr.api.TimeToResetDto;
import org.opensspr.server.http.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The zone rule (design §15) and the time-to-reset buckets, without a server. */
class InsightsRangeTest {
    private static InsightsRange range(String from, String to, String zone) {
        return InsightsRange.parse(Optional.of(from), Optional.of(to), Optional.of(zone));
    }

    @Test
    void anHourCountsForTheLocalDayItStartsIn() {
        InsightsRange berlin = range("2026-12-07", "2026-12-07", "Europe/Berlin");
        assertThat(berlin.start()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(berlin.end()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        assertThat(berlin.dayOf(Instant.parse("2026-12-06T23:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-07"));

        // +05:30: the UTC hour from 18:00 starts at 23:30 the day before, so it counts there (a part-hour off).
        InsightsRange india = range("2026-12-07", "2026-12-07", "Asia/Kolkata");
        assertThat(india.start()).isEqualTo(Instant.parse("2026-12-06T18:30:00Z"));
        assertThat(india.dayOf(Instant.parse("2026-12-06T18:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(india.dayOf(Instant.parse("2026-12-06T19:00:00Z"))).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    @Test
    void aDayWithADaylightSavingChangeHasItsOwnLength() {
        InsightsRange spring = range("2026-03-29", "2026-03-29", "Europe/Berlin");
        InsightsRange autumn = range("2026-10-25", "2026-10-25", "Europe/Berlin");
        assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aYearIsTheLongestRange() {
        assertThat(range("2024-01-01", "2024-12-31", "UTC").to()).isEqualTo(LocalDate.parse("2024-12-31"));
        assertThatThrownBy(() -> range("2025-01-01", "2026-01-02", "UTC")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("to"));
    }

    @Test
    void quantilesAreTheirBucketsUpperEdge() {
        TimeToResetDto report = DurationBuckets.report(Map.of(30L, 4L, 300L, 5L, DurationBuckets.OPEN, 1L));
        assertThat(report.completed()).isEqualTo(10);
        assertThat(report.medianSeconds()).isEqualTo(300L);
        assertThat(report.p90Seconds()).isEqualTo(300L);
        assertThat(report.buckets()).hasSize(7).last().isEqualTo(new DurationBucketDto(null, 1));
        assertThat(DurationBuckets.report(Map.of(DurationBuckets.OPEN, 3L)).medianSeconds()).isNull();
        assertThat(DurationBuckets.report(Map.of()).p90Seconds()).isNull();
        assertThat(DurationBuckets.edgeOf(30)).isEqualTo(30);
        assertThat(DurationBuckets.edgeOf(31)).isEqualTo(60);
        assertThat(DurationBuckets.edgeOf(1_801)).isEqualTo(DurationBuckets.OPEN);
    }
}
