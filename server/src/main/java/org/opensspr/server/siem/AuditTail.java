package org.opensspr.server.siem;

import org.jooq.Record;
import org.opensspr.api.AuditResult;
import org.opensspr.server.db.Database;

import java.util.ArrayList;
import java.util.List;

import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Reads the audit log after the cursor, in id order, and stops at the first missing id. Ids come from an
 * identity column and are handed out when a row is inserted, but become visible when its transaction commits:
 * a missing id below a visible one may still commit. So a batch is only the unbroken run after the cursor,
 * and the gap that ends it is for {@link GapProbe} to settle.
 */
final class AuditTail {
    /**
     * The events right after the cursor with no id missing, and the missing ids that ended them (null when
     * the batch ended because nothing more is visible or the limit was reached).
     */
    record Batch(List<SiemEvent> events, Gap gap) {
    }

    /** Ids {@code from}–{@code to}, missing below a visible {@code to + 1}. */
    record Gap(long from, long to) {
    }

    private final Database database;

    AuditTail(Database database) {
        this.database = database;
    }

    Batch after(long cursor, int limit) {
        List<SiemEvent> events = new ArrayList<>();
        long expected = cursor + 1;
        for (Record row : database.dsl().selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.gt(cursor))
                .orderBy(AUDIT_EVENT.ID).limit(limit).fetch()) {
            long id = row.get(AUDIT_EVENT.ID);
            if (id != expected) {
                return new Batch(events, new Gap(expected, id - 1));
            }
            events.add(event(row));
            expected++;
        }
        return new Batch(events, null);
    }

    private static SiemEvent event(Record row) {
        return new SiemEvent(row.get(AUDIT_EVENT.ID), row.get(AUDIT_EVENT.OCCURRED_AT).toInstant(),
                row.get(AUDIT_EVENT.ACTIVITY), row.get(AUDIT_EVENT.ACTOR), row.get(AUDIT_EVENT.TARGET),
                row.get(AUDIT_EVENT.KIOSK_ID), AuditResult.FAILURE.name().equals(row.get(AUDIT_EVENT.RESULT)),
                row.get(AUDIT_EVENT.FAILURE_REASON), row.get(AUDIT_EVENT.DETAILS), row.get(AUDIT_EVENT.METHOD));
    }
}
