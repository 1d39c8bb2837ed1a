package org.opensspr.console.insights;

import org.opensspr.api.DailyActivityDto;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's days gathered into the bars of the activity chart: one bar a day for a month, a week for a quarter, a
 * calendar month beyond; 366 daily bars would leave no room for a bar, let alone its label.
 */
public final class ActivityPeriods {
    static final int DAILY_UP_TO = 31;
    static final int WEEKLY_UP_TO = 120;

    public enum Grain { DAY, WEEK, MONTH }

    /** One bar: the days from {@code first} to {@code last}, added up. */
    public record Period(LocalDate first, LocalDate last, InsightsSummary activity) {
    }

    private ActivityPeriods() {
    }

    public static Grain grainFor(int days) {
        return days <= DAILY_UP_TO ? Grain.DAY : days <= WEEKLY_UP_TO ? Grain.WEEK : Grain.MONTH;
    }

    /** {@code days} (in order, as a report lists them) gathered by {@code grain}; weeks count from the first day. */
    public static List<Period> group(List<DailyActivityDto> days, Grain grain) {
        List<Period> periods = new ArrayList<>();
        List<DailyActivityDto> current = new ArrayList<>();
        for (DailyActivityDto day : days) {
            if (!current.isEmpty() && !samePeriod(current.getFirst().day(), day.day(), grain)) {
                periods.add(period(current));
                current = new ArrayList<>();
            }
            current.add(day);
        }
        if (!current.isEmpty()) {
            periods.add(period(current));
        }
        return periods;
    }

    private static boolean samePeriod(LocalDate periodStart, LocalDate day, Grain grain) {
        return switch (grain) {
            case DAY -> periodStart.equals(day);
            case WEEK -> day.isBefore(periodStart.plusDays(7));
            case MONTH -> YearMonth.from(periodStart).equals(YearMonth.from(day));
        };
    }

    private static Period period(List<DailyActivityDto> days) {
        return new Period(days.getFirst().day(), days.getLast().day(), InsightsSummary.of(days));
    }
}
