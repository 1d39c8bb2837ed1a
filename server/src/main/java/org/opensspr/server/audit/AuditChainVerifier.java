package org.opensspr.server.audit;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.opensspr.server.db.tables.records.AuditEventRecord;
import org.jooq.Record;
import org.jooq.Record2;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditChainState.Problem;
import org.opensspr.api.AuditChainState.Status;
import org.opensspr.server.db.Database;

import java.time.Clock;
import java.util.function.LongConsumer;

import static org.opensspr.server.db.Tables.AUDIT_CHAIN_HEAD;
import static org.opensspr.server.db.Tables.AUDIT_CHECKPOINT;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Proves the audit chain (ADR 20) or names its first broken link: from the newest retention checkpoint (its
 * signature checked) through every link up to the head, each event's content against its own MAC and each link
 * against the one before. Reads one snapshot of the database, streaming the events, so it works while the
 * server writes and its memory doesn't grow with the log.
 */
public final class AuditChainVerifier {
    private static final int FETCH_SIZE = 1_000;

    private final Database database;
    private final Clock clock;
    private final AuditSeal seal;

    public AuditChainVerifier(Database database, Clock clock, AuditSeal seal) {
        this.database = database;
        this.clock = clock;
        this.seal = seal;
    }

    public AuditChainState verify() {
        return verify(checked -> {
        });
    }

    /** Verifies the chain; {@code progress} hears the number of links checked so far, every few thousand. */
    public AuditChainState verify(LongConsumer progress) {
        return database.inSnapshot(tx -> new Walk(tx, progress).run());
    }

    private final class Walk {
        private final DSLContext tx;
        private final LongConsumer progress;
        private long firstLink;
        private long checked;

        Walk(DSLContext tx, LongConsumer progress) {
            this.tx = tx;
            this.progress = progress;
        }

        AuditChainState run() {
            Record checkpoint = tx.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.SEQ.desc()).limit(1).fetchOne();
            long previousSeq = 0;
            String previousMac = AuditSeal.GENESIS;
            if (checkpoint != null) {
                previousSeq = checkpoint.get(AUDIT_CHECKPOINT.SEQ);
                previousMac = checkpoint.get(AUDIT_CHECKPOINT.LINK_MAC);
                String expected = seal.checkpointSignature(previousSeq, previousMac,
                        checkpoint.get(AUDIT_CHECKPOINT.CUT_AT).toInstant(),
                        checkpoint.get(AUDIT_CHECKPOINT.EVENTS_REMOVED));
                if (!expected.equals(checkpoint.get(AUDIT_CHECKPOINT.SIGNATURE))) {
                    return broken(Problem.CHECKPOINT_ALTERED, null, previousSeq, previousSeq);
                }
            }
            Record2<Long, String> head = tx.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_MAC)
                    .from(AUDIT_CHAIN_HEAD).fetchSingle();
            long headSeq = head.value1();
            firstLink = previousSeq + 1;
            try (Cursor<AuditEventRecord> links = tx.selectFrom(AUDIT_EVENT)
                    .where(AUDIT_EVENT.CHAIN_SEQ.gt(previousSeq))
                    .orderBy(AUDIT_EVENT.CHAIN_SEQ)
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                for (AuditEventRecord link : links) {
                    long seq = link.get(AUDIT_EVENT.CHAIN_SEQ);
                    long eventId = link.get(AUDIT_EVENT.ID);
                    if (seq > headSeq) {
                        return broken(Problem.HEAD_ALTERED, null, headSeq, seq);
                    }
                    if (seq != previousSeq + 1) {
                        return broken(Problem.LINKS_MISSING, eventId, previousSeq + 1, seq - 1);
                    }
                    String rowMac = link.get(AUDIT_EVENT.ROW_MAC);
                    if (!rowMac.equals(seal.rowMac(AuditLog.contentOf(link)))) {
                        return broken(Problem.EVENT_CHANGED, eventId, seq, seq);
                    }
                    String linkMac = seal.linkMac(previousMac, seq, eventId, rowMac);
                    if (!linkMac.equals(link.get(AUDIT_EVENT.CHAIN_MAC))) {
                        return broken(Problem.LINK_ALTERED, eventId, seq, seq);
                    }
                    previousSeq = seq;
                    previousMac = linkMac;
                    if (++checked % 10_000 == 0) {
                        progress.accept(checked);
                    }
                }
            }
            if (previousSeq < headSeq) {
                return broken(Problem.NEWEST_LINKS_MISSING, null, previousSeq + 1, headSeq);
            }
            if (!previousMac.equals(head.value2())) {
                return broken(Problem.HEAD_ALTERED, null, headSeq, headSeq);
            }
            Long forged = firstUnlinkedNotWrittenByTheServer();
            if (forged != null) {
                return broken(Problem.EVENT_CHANGED, forged, 0, 0);
            }
            progress.accept(checked);
            return new AuditChainState(Status.INTACT, clock.instant(), checked, checked == 0 ? 0 : firstLink,
                    previousSeq, previousMac, tx.fetchCount(AUDIT_EVENT, AUDIT_EVENT.CHAIN_SEQ.isNull()), null, null,
                    0, 0);
        }

        /** An event not linked yet whose content doesn't match its own MAC (edited, or inserted by hand). */
        private Long firstUnlinkedNotWrittenByTheServer() {
            try (Cursor<AuditEventRecord> unlinked = tx.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.CHAIN_SEQ.isNull())
                    .orderBy(AUDIT_EVENT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (AuditEventRecord event : unlinked) {
                    if (!event.get(AUDIT_EVENT.ROW_MAC).equals(seal.rowMac(AuditLog.contentOf(event)))) {
                        return event.get(AUDIT_EVENT.ID);
                    }
                }
            }
            return null;
        }

        private AuditChainState broken(Problem problem, Long eventId, long from, long to) {
            return new AuditChainState(Status.BROKEN, clock.instant(), checked, checked == 0 ? 0 : firstLink,
                    checked == 0 ? 0 : firstLink + checked - 1, null, 0, problem, eventId, from, to);
        }
    }
}
