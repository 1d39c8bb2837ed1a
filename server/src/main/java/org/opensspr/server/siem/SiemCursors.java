package org.opensspr.server.siem;

import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.OptionalLong;

import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.SIEM_CURSOR;

/**
 * The durable cursor per collector (table {@code siem_cursor}) and the lease that lets one server at a time
 * move it. Each method is one short statement of its own, so no connection is held between them, and every
 * change is conditional on holding the lease: a server whose lease ran out can't move a cursor back.
 */
final class SiemCursors {
    /**
     * A new cursor starts this far below the oldest event still in the table, not right below it: ids just
     * under it may belong to transactions still open, which the gap check then waits for (ADR 19).
     */
    static final long START_MARGIN = 100;
    private static final int ERROR_LENGTH = 1024;

    private final Database database;
    private final Clock clock;
    private final String owner;
    private final Duration leaseTime;

    SiemCursors(Database database, Clock clock, String owner, Duration leaseTime) {
        this.database = database;
        this.clock = clock;
        this.owner = owner;
        this.leaseTime = leaseTime;
    }

    /**
     * Takes or renews the lease on {@code destination}'s cursor (creating the cursor for a new collector) and
     * returns the last id forwarded; empty while another server holds the lease.
     */
    OptionalLong claim(String destination) {
        createIfMissing(destination);
        Instant now = clock.instant();
        int taken = database.dsl().update(SIEM_CURSOR)
                .set(SIEM_CURSOR.LEASE_OWNER, owner)
                .set(SIEM_CURSOR.LEASE_UNTIL, DbTime.of(now.plus(leaseTime)))
                .where(SIEM_CURSOR.DESTINATION.eq(destination))
                .and(SIEM_CURSOR.LEASE_OWNER.eq(owner).or(SIEM_CURSOR.LEASE_OWNER.isNull())
                        .or(SIEM_CURSOR.LEASE_UNTIL.lt(DbTime.of(now))))
                .execute();
        if (taken == 0) {
            return OptionalLong.empty();
        }
        Long last = database.dsl().select(SIEM_CURSOR.LAST_EVENT_ID).from(SIEM_CURSOR)
                .where(SIEM_CURSOR.DESTINATION.eq(destination)).and(SIEM_CURSOR.LEASE_OWNER.eq(owner))
                .fetchOne(SIEM_CURSOR.LAST_EVENT_ID);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** A new collector gets every event still retained. Two servers creating it at once: one row wins. */
    private void createIfMissing(String destination) {
        if (database.dsl().fetchExists(SIEM_CURSOR, SIEM_CURSOR.DESTINATION.eq(destination))) {
            return;
        }
        Long oldest = database.dsl().select(DSL.min(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne().value1();
        long start = oldest == null ? 0 : Math.max(0, oldest - 1 - START_MARGIN);
        database.dsl().insertInto(SIEM_CURSOR)
                .set(SIEM_CURSOR.DESTINATION, destination)
                .set(SIEM_CURSOR.LAST_EVENT_ID, start)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Moves the cursor from {@code from} to {@code to}; false if the lease was lost (another server moved it). */
    boolean advance(String destination, long from, long to) {
        Instant now = clock.instant();
        return database.dsl().update(SIEM_CURSOR)
                .set(SIEM_CURSOR.LAST_EVENT_ID, to)
                .set(SIEM_CURSOR.FORWARDED_AT, DbTime.of(now))
                .set(SIEM_CURSOR.LEASE_UNTIL, DbTime.of(now.plus(leaseTime)))
                .setNull(SIEM_CURSOR.LAST_ERROR)
                .setNull(SIEM_CURSOR.LAST_ERROR_AT)
                .where(SIEM_CURSOR.DESTINATION.eq(destination))
                .and(SIEM_CURSOR.LEASE_OWNER.eq(owner))
                .and(SIEM_CURSOR.LAST_EVENT_ID.eq(from))
                .execute() == 1;
    }

    /** Why the last attempt failed, for the status (never holds a secret: it is an I/O error's text). */
    void recordError(String destination, String error) {
        String text = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        database.dsl().update(SIEM_CURSOR)
                .set(SIEM_CURSOR.LAST_ERROR, text)
                .set(SIEM_CURSOR.LAST_ERROR_AT, DbTime.of(clock.instant()))
                .where(SIEM_CURSOR.DESTINATION.eq(destination))
                .and(SIEM_CURSOR.LEASE_OWNER.eq(owner))
                .execute();
    }

    /** Gives the lease up (a stopping server), so another server sharing the database takes over at once. */
    void release(String destination) {
        database.dsl().update(SIEM_CURSOR)
                .setNull(SIEM_CURSOR.LEASE_OWNER)
                .setNull(SIEM_CURSOR.LEASE_UNTIL)
                .where(SIEM_CURSOR.DESTINATION.eq(destination))
                .and(SIEM_CURSOR.LEASE_OWNER.eq(owner))
                .execute();
    }

    /** The last id forwarded to {@code destination}; 0 before its cursor exists. */
    long lastForwarded(String destination) {
        Long last = database.dsl().select(SIEM_CURSOR.LAST_EVENT_ID).from(SIEM_CURSOR)
                .where(SIEM_CURSOR.DESTINATION.eq(destination)).fetchOne(SIEM_CURSOR.LAST_EVENT_ID);
        return last == null ? 0 : last;
    }

    /** Where forwarding to {@code destination} stands: the cursor, what waits behind it, the last error. */
    SiemStatus status(String destination, SiemFormat format) {
        Record cursor = database.dsl().selectFrom(SIEM_CURSOR).where(SIEM_CURSOR.DESTINATION.eq(destination))
                .fetchOne();
        long last = cursor == null ? 0 : cursor.get(SIEM_CURSOR.LAST_EVENT_ID);
        Record2<Integer, OffsetDateTime> waiting = database.dsl()
                .select(DSL.count(), DSL.min(AUDIT_EVENT.OCCURRED_AT)).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.gt(last)).fetchOne();
        return new SiemStatus(destination, format, last,
                cursor == null ? null : DbTime.instant(cursor.get(SIEM_CURSOR.FORWARDED_AT)),
                waiting.value1(), DbTime.instant(waiting.value2()),
                cursor == null ? null : cursor.get(SIEM_CURSOR.LAST_ERROR),
                cursor == null ? null : DbTime.instant(cursor.get(SIEM_CURSOR.LAST_ERROR_AT)));
    }
}
