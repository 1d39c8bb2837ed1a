package org.opensspr.console.insights;

import java.time.LocalDate;
import java.util.Optional;

/** The ranges an administrator picks from, each ending today; {@link #CUSTOM} takes two days they choose. */
public enum RangePreset {
    LAST_7_DAYS,
    LAST_30_DAYS,
    LAST_90_DAYS,
    LAST_12_MONTHS,
    CUSTOM;

    /** The days this preset covers when today is {@code today}; empty for {@link #CUSTOM}. */
    public Optional<DayRange> range(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> Optional.of(new DayRange(today.minusDays(6), today));
            case LAST_30_DAYS -> Optional.of(new DayRange(today.minusDays(29), today));
            case LAST_90_DAYS -> Optional.of(new DayRange(today.minusDays(89), today));
            // The same day a year ago is left out: twelve months are 365 days, or 366 across a 29 February.
            case LAST_12_MONTHS -> Optional.of(new DayRange(today.minusMonths(12).plusDays(1), today));
            case CUSTOM -> Optional.empty();
        };
    }
}
