package org.opensspr.server.writeback;

import org.jooq.DSLContext;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.tables.records.WritebackIntentRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * The writeback_intent table. Unlike other repositories, every method commits on its own: an intent
 * must be durable before the directory is called, and its outcome must not wait for (or roll back with)
 * anything else the caller does.
 */
public final class WritebackIntents {
    static final int DETAIL_LENGTH = 2048;

    private final Database db;
    private final Clock clock;

    public WritebackIntents(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records (and commits) that a directory change is about to be attempted. */
    public WritebackIntent begin(String userId, String flowId, WritebackOperation operation) {
        return db.inTransaction(tx -> begin(tx, userId, flowId, operation));
    }

    /**
     * Records the intent in the caller's transaction, so it commits together with whatever entitles the
     * caller to the change (a reset flow's claim): both or neither, and always before the directory call.
     */
    public WritebackIntent begin(DSLContext tx, String userId, String flowId, WritebackOperation operation) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(operation, "operation");
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        tx.insertInto(WRITEBACK_INTENT)
                .set(WRITEBACK_INTENT.ID, id)
                .set(WRITEBACK_INTENT.USER_ID, userId)
                .set(WRITEBACK_INTENT.FLOW_ID, flowId)
                .set(WRITEBACK_INTENT.OPERATION, operation.name())
                .set(WRITEBACK_INTENT.STATUS, IntentStatus.PENDING.name())
                .set(WRITEBACK_INTENT.CREATED_AT, now)
                .set(WRITEBACK_INTENT.DETAIL, "")
                .execute();
        return new WritebackIntent(id, userId, flowId, operation, IntentStatus.PENDING, now.toInstant(), null, "");
    }

    /**
     * Records what came of an intent. Allowed from PENDING and from UNKNOWN: a late answer from the
     * directory (after another server's start-up marked the intent unknown) is better knowledge.
     * False when the intent doesn't exist or is already DONE or FAILED.
     */
    public boolean complete(String intentId, IntentStatus status, String detail) {
        return db.inTransaction(tx -> complete(tx, intentId, status, detail));
    }

    /** {@link #complete(String, IntentStatus, String)} in the caller's transaction. */
    public boolean complete(DSLContext tx, String intentId, IntentStatus status, String detail) {
        if (status == IntentStatus.PENDING) {
            throw new IllegalArgumentException("An intent completes as DONE, FAILED or UNKNOWN, not PENDING");
        }
        return tx.update(WRITEBACK_INTENT)
                .set(WRITEBACK_INTENT.STATUS, status.name())
                .set(WRITEBACK_INTENT.COMPLETED_AT, now())
                .set(WRITEBACK_INTENT.DETAIL, clip(detail))
                .where(WRITEBACK_INTENT.ID.eq(intentId))
                .and(WRITEBACK_INTENT.STATUS.in(IntentStatus.PENDING.name(), IntentStatus.UNKNOWN.name()))
                .execute() == 1;
    }

    /**
     * Marks a PENDING intent UNKNOWN — for intents found pending when a server starts. The server can't
     * know what happened to them: the process that sent the LDAP modify is gone, and with it the reply.
     * LDAP has no way to ask "did my earlier modify apply?", and reading the entry doesn't tell either:
     * AD never returns unicodePwd, OpenLDAP keeps only a hash of userPassword, and a changed pwdLastSet
     * or a cleared lock may come from anyone. So the honest state is "unknown" until someone looks.
     * Only a still-PENDING intent changes; false otherwise.
     */
    public boolean markUnknown(String intentId, String why) {
        return db.inTransaction(dsl -> dsl.update(WRITEBACK_INTENT)
                .set(WRITEBACK_INTENT.STATUS, IntentStatus.UNKNOWN.name())
                .set(WRITEBACK_INTENT.COMPLETED_AT, now())
                .set(WRITEBACK_INTENT.DETAIL, clip(why))
                .where(WRITEBACK_INTENT.ID.eq(intentId))
                .and(WRITEBACK_INTENT.STATUS.eq(IntentStatus.PENDING.name()))
                .execute()) == 1;
    }

    /**
     * Resolves a still-PENDING intent from what the directory shows (reconciliation after a lost answer).
     * Only a PENDING intent changes; false otherwise.
     */
    public boolean resolvePending(String intentId, IntentStatus status, String why) {
        if (status == IntentStatus.PENDING) {
            throw new IllegalArgumentException("A pending intent resolves as DONE, FAILED or UNKNOWN");
        }
        return db.inTransaction(dsl -> dsl.update(WRITEBACK_INTENT)
                .set(WRITEBACK_INTENT.STATUS, status.name())
                .set(WRITEBACK_INTENT.COMPLETED_AT, now())
                .set(WRITEBACK_INTENT.DETAIL, clip(why))
                .where(WRITEBACK_INTENT.ID.eq(intentId))
                .and(WRITEBACK_INTENT.STATUS.eq(IntentStatus.PENDING.name()))
                .execute()) == 1;
    }

    /** The newest intents, optionally of one status, at most {@code limit}: what administrators review. */
    public List<WritebackIntent> recent(IntentStatus status, int limit) {
        var query = db.dsl().selectFrom(WRITEBACK_INTENT);
        return (status == null ? query : query.where(WRITEBACK_INTENT.STATUS.eq(status.name())))
                .orderBy(WRITEBACK_INTENT.CREATED_AT.desc(), WRITEBACK_INTENT.ID)
                .limit(limit)
                .fetch(WritebackIntents::intent);
    }

    /** How many intents are in {@code status}. */
    public int count(IntentStatus status) {
        return db.dsl().fetchCount(WRITEBACK_INTENT, WRITEBACK_INTENT.STATUS.eq(status.name()));
    }

    /** PENDING intents created strictly more than {@code age} ago, oldest first. */
    public List<WritebackIntent> pendingOlderThan(Duration age) {
        OffsetDateTime cutoff = DbTime.of(clock.instant().minus(age));
        return db.dsl().selectFrom(WRITEBACK_INTENT)
                .where(WRITEBACK_INTENT.STATUS.eq(IntentStatus.PENDING.name()))
                .and(WRITEBACK_INTENT.CREATED_AT.lt(cutoff))
                .orderBy(WRITEBACK_INTENT.CREATED_AT, WRITEBACK_INTENT.ID)
                .fetch(WritebackIntents::intent);
    }

    public Optional<WritebackIntent> find(String intentId) {
        return db.dsl().selectFrom(WRITEBACK_INTENT).where(WRITEBACK_INTENT.ID.eq(intentId))
                .fetchOptional(WritebackIntents::intent);
    }

    /** A user's intents, newest first, at most {@code limit}. */
    public List<WritebackIntent> forUser(String userId, int limit) {
        return db.dsl().selectFrom(WRITEBACK_INTENT).where(WRITEBACK_INTENT.USER_ID.eq(userId))
                .orderBy(WRITEBACK_INTENT.CREATED_AT.desc(), WRITEBACK_INTENT.ID)
                .limit(limit)
                .fetch(WritebackIntents::intent);
    }

    private static WritebackIntent intent(WritebackIntentRecord r) {
        return new WritebackIntent(r.getId(), r.getUserId(), r.getFlowId(),
                WritebackOperation.valueOf(r.getOperation()), IntentStatus.valueOf(r.getStatus()),
                r.getCreatedAt().toInstant(), r.getCompletedAt() == null ? null : r.getCompletedAt().toInstant(),
                r.getDetail());
    }

    private OffsetDateTime now() {
        return DbTime.of(clock.instant());
    }

    private static String clip(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
