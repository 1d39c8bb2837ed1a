package org.opensspr.console.insights;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayRangeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void eachPresetEndsTodayAndCoversItsDays() {
        assertThat(RangePreset.LAST_7_DAYS.range(TODAY)).contains(new DayRange(LocalDate.of(2026, 11, 30), TODAY));
        assertThat(RangePreset.LAST_30_DAYS.range(TODAY).orElseThrow().days()).isEqualTo(30);
        assertThat(RangePreset.LAST_90_DAYS.range(TODAY).orElseThrow().days()).isEqualTo(90);
        assertThat(RangePreset.LAST_12_MONTHS.range(TODAY)).contains(new DayRange(LocalDate.of(2025, 12, 7), TODAY));
        assertThat(RangePreset.CUSTOM.range(TODAY)).isEmpty();
    }

    @Test
    void twelveMonthsAcrossA29FebruaryAreTheLongestRangeAllowed() {
        DayRange leap = RangePreset.LAST_12_MONTHS.range(LocalDate.of(2028, 3, 1)).orElseThrow();
        assertThat(leap.days()).isEqualTo(DayRange.MAX_DAYS);
        assertThat(RangePreset.LAST_12_MONTHS.range(LocalDate.of(2027, 3, 1)).orElseThrow().days()).isEqualTo(365);
    }

    @Test
    void aRangeIsRefusedWithItsReason() {
        assertThat(DayRange.problemWith(TODAY, TODAY)).isEmpty();
        assertThat(DayRange.problemWith(TODAY.minusDays(365), TODAY)).as("366 days").isEmpty();
        assertThat(DayRange.problemWith(TODAY.minusDays(366), TODAY)).contains("insights.range.tooLong");
        assertThat(DayRange.problemWith(TODAY, TODAY.minusDays(1))).contains("insights.range.reversed");
        assertThat(DayRange.problemWith(null, TODAY)).contains("insights.range.missing");
        assertThat(DayRange.problemWith(TODAY, null)).contains("insights.range.missing");
        assertThatThrownBy(() -> new DayRange(TODAY, TODAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
