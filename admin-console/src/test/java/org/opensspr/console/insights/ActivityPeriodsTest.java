package org.opensspr.console.insights;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opensspr.api.DailyActivityDto;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's days gathered into bars, and added up for the cards. */
class ActivityPeriodsTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 20);

    @Test
    void theDaysAddUpAndTheSuccessRateCountsTheLastStepOnly() {
        InsightsSummary sum = InsightsSummary.of(List.of(
                new DailyActivityDto(FIRST, 3, 1, 2, 0, 5), new DailyActivityDto(FIRST.plusDays(1), 1, 0, 0, 2, 0)));
        assertThat(sum).isEqualTo(new InsightsSummary(4, 1, 2, 2));
        assertThat(sum.callsAvoided()).isEqualTo(6);
        assertThat(sum.attempted()).isEqualTo(9);
        assertThat(sum.successRate().getAsDouble()).isEqualTo(6.0 / 9);
        assertThat(InsightsSummary.of(List.of(new DailyActivityDto(FIRST, 0, 0, 0, 0, 3))).successRate()).isEmpty();
    }

    @Test
    void aMonthIsShownByDayAQuarterByWeekAYearByMonth() {
        assertThat(ActivityPeriods.grainFor(31)).isEqualTo(ActivityPeriods.Grain.DAY);
        assertThat(ActivityPeriods.grainFor(32)).isEqualTo(ActivityPeriods.Grain.WEEK);
        assertThat(ActivityPeriods.grainFor(120)).isEqualTo(ActivityPeriods.Grain.WEEK);
        assertThat(ActivityPeriods.grainFor(121)).isEqualTo(ActivityPeriods.Grain.MONTH);
    }

    @Test
    void weeksCountFromTheFirstDayAndMonthsAreCalendarMonths() {
        List<DailyActivityDto> days = days(40, new Random(1));
        List<ActivityPeriods.Period> weeks = ActivityPeriods.group(days, ActivityPeriods.Grain.WEEK);
        assertThat(weeks).hasSize(6);
        assertThat(weeks.getFirst().first()).isEqualTo(FIRST);
        assertThat(weeks.getFirst().last()).isEqualTo(FIRST.plusDays(6));
        assertThat(weeks.getLast().first()).isEqualTo(FIRST.plusDays(35));
        assertThat(weeks.getLast().last()).as("a short last week").isEqualTo(FIRST.plusDays(39));
        List<ActivityPeriods.Period> months = ActivityPeriods.group(days, ActivityPeriods.Grain.MONTH);
        assertThat(months).extracting(ActivityPeriods.Period::first)
                .containsExactly(FIRST, LocalDate.of(2026, 2, 1));
        assertThat(months.getFirst().last()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Property
    void groupingNeverLosesOrCountsTwiceAnyActivity(@ForAll @IntRange(min = 1, max = 366) int length,
                                                   @ForAll long seed) {
        List<DailyActivityDto> days = days(length, new Random(seed));
        InsightsSummary whole = InsightsSummary.of(days);
        for (ActivityPeriods.Grain grain : ActivityPeriods.Grain.values()) {
            List<ActivityPeriods.Period> periods = ActivityPeriods.group(days, grain);
            assertThat(periods.stream().map(ActivityPeriods.Period::activity).reduce(new InsightsSummary(0, 0, 0, 0),
                    (a, b) -> new InsightsSummary(a.resetsSucceeded() + b.resetsSucceeded(),
                            a.resetsFailed() + b.resetsFailed(), a.unlocksSucceeded() + b.unlocksSucceeded(),
                            a.unlocksFailed() + b.unlocksFailed()))).isEqualTo(whole);
            for (int i = 1; i < periods.size(); i++) { // contiguous, in order, no day in two bars
                assertThat(periods.get(i).first()).isEqualTo(periods.get(i - 1).last().plusDays(1));
            }
        }
        assertThat(ActivityPeriods.group(days, ActivityPeriods.grainFor(length)).size()).isLessThanOrEqualTo(31);
    }

    private static List<DailyActivityDto> days(int length, Random random) {
        List<DailyActivityDto> days = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            days.add(new DailyActivityDto(FIRST.plusDays(i), random.nextInt(50), random.nextInt(5), random.nextInt(20),
                    random.nextInt(3), random.nextInt(4)));
        }
        return days;
    }
}
