package org.opensspr.server.audit;

import org.jooq.DSLContext;
import org.opensspr.server.db.tables.records.AuditEventRecord;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Result;
import org.opensspr.server.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.opensspr.server.db.Tables.AUDIT_CHAIN_HEAD;
import static org.opensspr.server.db.Tables.AUDIT_CHECKPOINT;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Links written events into one chain per database and cuts the chain's oldest links for retention (ADR 20).
 * Sealing happens after the fact, in the order events become visible, so appending stays one insert in the
 * caller's transaction and an event whose transaction commits late is still linked. Both operations lock the
 * chain's head row first, so several servers on one database take turns.
 */
public final class AuditChain {
    static final int SEAL_BATCH = 1_000;
    static final int CUT_BATCH = 10_000;

    /**
     * Work done with the events a seal links, in the transaction that links them (under the head's lock): it
     * commits exactly when they become linked, so each event is seen by it exactly once (ADR 22: the insights'
     * rollups).
     */
    @FunctionalInterface
    public interface OnLinked {
        OnLinked NOTHING = (tx, events) -> {
        };

        void linked(DSLContext tx, List<AuditEventRecord> events);
    }

    private final Database database;
    private final Clock clock;
    private final AuditSeal seal;
    private final OnLinked onLinked;

    public AuditChain(Database database, Clock clock, AuditSeal seal) {
        this(database, clock, seal, OnLinked.NOTHING);
    }

    public AuditChain(Database database, Clock clock, AuditSeal seal, OnLinked onLinked) {
        this.database = database;
        this.clock = clock;
        this.seal = seal;
        this.onLinked = onLinked;
    }

    /** Links every event written so far that isn't linked yet; returns how many were linked. */
    public int sealPending() {
        // Looked at first without the head's lock: H2 takes a row lock by writing the row, so an idle server's
        // seal every 2 s would write and sync its file for nothing (docs/performance.md, the file when idle).
        if (!database.dsl().fetchExists(AUDIT_EVENT, AUDIT_EVENT.CHAIN_SEQ.isNull())) {
            return 0;
        }
        int total = 0;
        int sealed;
        do {
            sealed = database.inTransaction(this::sealBatch);
            total += sealed;
        } while (sealed == SEAL_BATCH);
        return total;
    }

    private int sealBatch(DSLContext tx) {
        Record3<Long, String, Long> head = lockHead(tx);
        Result<AuditEventRecord> pending = tx.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.CHAIN_SEQ.isNull())
                .orderBy(AUDIT_EVENT.ID)
                .limit(SEAL_BATCH)
                .fetch();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.value1();
        String mac = head.value2();
        var links = tx.batch(tx.update(AUDIT_EVENT).set(AUDIT_EVENT.ROW_MAC, (String) null)
                .set(AUDIT_EVENT.CHAIN_SEQ, (Long) null).set(AUDIT_EVENT.CHAIN_MAC, (String) null)
                .where(AUDIT_EVENT.ID.eq((Long) null)));
        for (AuditEventRecord event : pending) {
            long id = event.get(AUDIT_EVENT.ID);
            String rowMac = event.get(AUDIT_EVENT.ROW_MAC);
            // An event from before the chain existed (no MAC of its own) is adopted as it is, once.
            if (rowMac.isEmpty() && id <= head.value3()) {
                rowMac = seal.rowMac(AuditLog.contentOf(event));
            }
            seq++;
            mac = seal.linkMac(mac, seq, id, rowMac);
            links.bind(rowMac, seq, mac, id);
        }
        links.execute();
        onLinked.linked(tx, pending);
        tx.update(AUDIT_CHAIN_HEAD).set(AUDIT_CHAIN_HEAD.LAST_SEQ, seq).set(AUDIT_CHAIN_HEAD.LAST_MAC, mac)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).execute();
        return pending.size();
    }

    /**
     * Removes the events older than {@code retention}: links them first, then cuts the chain after the newest
     * link whose event and every one before it are older, recording a signed checkpoint there. An event newer
     * than the cut keeps older links after it in place, so nothing newer is ever removed. Returns how many went.
     */
    public int cut(Duration retention) {
        return cut(retention, Long.MAX_VALUE);
    }

    /**
     * As {@link #cut(Duration)}, but an event whose id is above {@code throughId} stays too, and every link
     * after it: with SIEM forwarding, the last id forwarded, so that retention never removes an event the SIEM
     * hasn't received (ADR 19).
     */
    public int cut(Duration retention, long throughId) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("The retention period can't be negative");
        }
        sealPending();
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
        int total = 0;
        int removed;
        do {
            removed = database.inTransaction(tx -> cutBatch(tx, cutoff, throughId));
            total += removed;
        } while (removed > 0);
        return total;
    }

    private int cutBatch(DSLContext tx, OffsetDateTime cutoff, long throughId) {
        lockHead(tx);
        long lastCut = lastCheckpointSeq(tx);
        Long firstKept = tx.select(AUDIT_EVENT.CHAIN_SEQ).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.CHAIN_SEQ.gt(lastCut))
                .and(AUDIT_EVENT.OCCURRED_AT.ge(cutoff).or(AUDIT_EVENT.ID.gt(throughId)))
                .orderBy(AUDIT_EVENT.CHAIN_SEQ).limit(1).fetchOne(AUDIT_EVENT.CHAIN_SEQ);
        Long newestLink = tx.select(AUDIT_CHAIN_HEAD.LAST_SEQ).from(AUDIT_CHAIN_HEAD).fetchOne(AUDIT_CHAIN_HEAD.LAST_SEQ);
        long cutAt = Math.min(firstKept == null ? newestLink : firstKept - 1, lastCut + CUT_BATCH);
        if (cutAt <= lastCut) {
            return 0;
        }
        Record3<Long, String, Long> link = tx.select(AUDIT_EVENT.CHAIN_SEQ, AUDIT_EVENT.CHAIN_MAC, AUDIT_EVENT.ID)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.CHAIN_SEQ.eq(cutAt)).fetchOne();
        if (link == null) {
            throw new IllegalStateException("Audit link " + cutAt + " is missing: run verify-audit before retention"
                    + " removes anything");
        }
        int removed = tx.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.CHAIN_SEQ.le(cutAt)).execute();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.SEQ, cutAt)
                .set(AUDIT_CHECKPOINT.LINK_MAC, link.value2())
                .set(AUDIT_CHECKPOINT.CUT_AT, now.atOffset(ZoneOffset.UTC))
                .set(AUDIT_CHECKPOINT.EVENTS_REMOVED, (long) removed)
                .set(AUDIT_CHECKPOINT.SIGNATURE, seal.checkpointSignature(cutAt, link.value2(), now, removed))
                .execute();
        return removed;
    }

    private static Record3<Long, String, Long> lockHead(DSLContext tx) {
        return tx.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_MAC, AUDIT_CHAIN_HEAD.ADOPT_THROUGH_ID)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).forUpdate().fetchSingle();
    }

    static long lastCheckpointSeq(DSLContext dsl) {
        Long seq = dsl.select(org.jooq.impl.DSL.max(AUDIT_CHECKPOINT.SEQ)).from(AUDIT_CHECKPOINT).fetchOne().value1();
        return seq == null ? 0 : seq;
    }
}
