package org.opensspr.server.siem;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.db.tables.records.AuditEventRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Settles ids missing from the audit log below a visible one: still held by an open transaction, or never
 * going to commit (rolled back, or skipped by the identity after a crash). Both databases make a transaction
 * that inserts a key an open transaction inserted wait until that one ends. So the probe inserts placeholders
 * with the missing ids, waiting at most {@code wait}, and always rolls them back: a wait that runs out means
 * an open transaction holds an id; a duplicate key means it committed meanwhile; an insert that goes through
 * means no transaction holds any of them. Only the database is waited on; no network I/O happens here.
 */
final class GapProbe {
    /** The most ids one probe settles (an identity that jumped after a crash leaves a run of them). */
    static final int MAX_IDS = 1000;
    private static final String PLACEHOLDER = "(SIEM gap probe, never committed)";
    private static final String DUPLICATE_KEY = "23505";
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

    enum Verdict {
        /** An open transaction holds one of the ids: wait for it. */
        OPEN,
        /** One of them committed since the gap was seen: read again. */
        COMMITTED,
        /** No transaction holds any of them, so none will ever be committed. */
        NEVER_COMMITTED
    }

    private final Database database;
    private final Clock clock;
    private final Duration wait;

    GapProbe(Database database, Clock clock, Duration wait) {
        this.database = database;
        this.clock = clock;
        this.wait = wait;
    }

    /** Probes ids {@code from}–{@code to} ({@link #MAX_IDS} at most). */
    Verdict probe(long from, long to) {
        if (to < from || to - from >= MAX_IDS) {
            throw new IllegalArgumentException("Probe 1 to " + MAX_IDS + " ids, not " + from + "–" + to);
        }
        try {
            database.inTransactionDo(tx -> {
                insertPlaceholders(tx, from, to);
                throw new RolledBack();
            });
            throw new IllegalStateException("The probe's transaction was meant to roll back");
        } catch (RolledBack free) {
            return Verdict.NEVER_COMMITTED;
        } catch (DataAccessException e) {
            String state = e.sqlState();
            if (DUPLICATE_KEY.equals(state)) {
                return Verdict.COMMITTED;
            }
            if (H2_LOCK_TIMEOUT.equals(state) || POSTGRES_LOCK_NOT_AVAILABLE.equals(state)) {
                return Verdict.OPEN;
            }
            throw e;
        }
    }

    private void insertPlaceholders(DSLContext tx, long from, long to) {
        long millis = Math.max(1, wait.toMillis());
        if (database.dialect() == SQLDialect.POSTGRES) {
            tx.execute("SET LOCAL lock_timeout = '" + millis + "ms'"); // ends with the transaction
            insert(tx, from, to);
            return;
        }
        // H2's lock timeout belongs to the session, which goes back to the pool: put it back as it was.
        Object before = tx.fetchValue("SELECT LOCK_TIMEOUT()");
        tx.execute("SET LOCK_TIMEOUT " + millis);
        try {
            insert(tx, from, to);
        } finally {
            tx.execute("SET LOCK_TIMEOUT " + Long.parseLong(String.valueOf(before)));
        }
    }

    private void insert(DSLContext tx, long from, long to) {
        OffsetDateTime now = DbTime.of(clock.instant());
        // An empty row MAC (ADR 20): a placeholder that ever got committed would be named by verify-audit.
        InsertValuesStep8<AuditEventRecord, Long, OffsetDateTime, String, String, String, String, String, String> insert =
                tx.insertInto(AUDIT_EVENT, AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTIVITY,
                        AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTOR_KEY, AUDIT_EVENT.TARGET_KEY, AUDIT_EVENT.RESULT,
                        AUDIT_EVENT.ROW_MAC);
        for (long id = from; id <= to; id++) {
            insert = insert.values(id, now, PLACEHOLDER, PLACEHOLDER, PLACEHOLDER.toLowerCase(java.util.Locale.ROOT), "",
                    "FAILURE", "");
        }
        insert.execute();
    }

    /** Thrown to roll the placeholders back once they went in. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }
}
