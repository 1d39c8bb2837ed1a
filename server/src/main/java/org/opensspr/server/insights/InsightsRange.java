package org.opensspr.server.insights;

import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The whole days a report covers, in an administrator's zone, and the UTC instants they span.
 *
 * @param from the first day, inclusive
 * @param to   the last day, inclusive
 */
record InsightsRange(LocalDate from, LocalDate to, ZoneId zone) {
    /** At most a year (a leap year's days) per report: bounds what one request reads. */
    static final int MAX_DAYS = 366;
    // Days whose start and end any zone can express as an instant (and a database can store).
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);
    private static final int MAX_ZONE_LENGTH = 64;

    /** Reads the three query parameters; a missing or wrong one is VALIDATION_FAILED naming it. */
    static InsightsRange parse(Optional<String> fromText, Optional<String> toText, Optional<String> zoneText) {
        LocalDate from = day("from", fromText);
        LocalDate to = day("to", toText);
        ZoneId zone = zone(zoneText);
        if (to.isBefore(from)) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "to", "'to' is before 'from'.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "to",
                    "A report covers at most " + MAX_DAYS + " days.");
        }
        return new InsightsRange(from, to, zone);
    }

    private static LocalDate day(String name, Optional<String> text) {
        String value = text.map(String::strip).orElseThrow(() -> ApiException.field(ErrorCode.VALIDATION_FAILED,
                name, "'" + name + "' is required (YYYY-MM-DD)."));
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, name, "'" + name + "' must be a date (YYYY-MM-DD).");
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, name,
                    "'" + name + "' must be from " + EARLIEST + " to " + LATEST + ".");
        }
        return day;
    }

    private static ZoneId zone(Optional<String> text) {
        String value = text.map(String::strip).orElseThrow(() -> ApiException.field(ErrorCode.VALIDATION_FAILED,
                "zone", "'zone' is required (an IANA time zone such as Europe/Berlin)."));
        try {
            if (value.length() > MAX_ZONE_LENGTH) {
                throw new DateTimeException("too long");
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "zone",
                    "'zone' must be an IANA time zone such as Europe/Berlin.");
        }
    }

    /** The instant the first day starts, in the zone. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the last day ends, in the zone. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The local day an hour's rollup counts for: the day its start falls in. The rollups are whole UTC hours, so
     * the report reads the hours starting in [{@link #start()}, {@link #end()}); with a zone whose offset isn't a
     * whole number of hours (India, +05:30) each day's edges are off by that part-hour.
     */
    LocalDate dayOf(Instant hourStart) {
        return hourStart.atZone(zone).toLocalDate();
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
