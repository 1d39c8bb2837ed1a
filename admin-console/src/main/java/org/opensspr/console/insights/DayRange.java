package org.opensspr.console.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Whole days from {@code from} to {@code to}, both included, in the administrator's zone: what a report covers.
 * At most {@link #MAX_DAYS}, so that a leap year's twelve months fit and a report stays quick to compute.
 */
public record DayRange(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;

    public DayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String problem = problemWith(from, to).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + from + " to " + to);
        }
    }

    /**
     * Why {@code from}..{@code to} can't be reported, as a message key ({@code insights.range.*}); empty when it
     * can. A missing day (a field left empty or not a date) is a problem too.
     */
    public static Optional<String> problemWith(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return Optional.of("insights.range.missing");
        }
        if (from.isAfter(to)) {
            return Optional.of("insights.range.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return Optional.of("insights.range.tooLong");
        }
        return Optional.empty();
    }

    /** How many days the range holds (1 when {@code from} is {@code to}). */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
