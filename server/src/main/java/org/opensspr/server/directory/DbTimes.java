package org.opensspr.server.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants as both databases keep them: UTC, to the microsecond. */
final class DbTimes {
    private DbTimes() {
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant fromDb(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** Now, as it will read back from the database. */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
