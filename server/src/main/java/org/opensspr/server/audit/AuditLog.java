package org.opensspr.server.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Page;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.INSIGHTS_PENDING_DURATION;

/**
 * The audit log (table {@code audit_event}): appended inside the transaction of the change it records,
 * listed newest first with filters and server-side paging. Each event carries a keyed MAC of its content from
 * the moment it is written; {@link AuditChain} links events into a chain and cuts it for retention (ADR 20).
 */
public final class AuditLog {
    /** docs/design.md §15: audit entries are kept 30 days unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    // Column sizes from V1; an over-long value is cut rather than failing the action it records.
    private static final int ACTOR_LENGTH = 320;
    private static final int TARGET_LENGTH = 320;
    private static final int KIOSK_LENGTH = 64;
    private static final int REASON_LENGTH = 1024;
    private static final int DETAILS_LENGTH = 100_000;

    private final Database database;
    private final Clock clock;
    private final AuditSeal seal;

    public AuditLog(Database database, Clock clock, AuditSeal seal) {
        this.database = database;
        this.clock = clock;
        this.seal = seal;
    }

    /**
     * Appends {@code entry} using the caller's transaction, so it commits or rolls back together with the
     * change it records. Returns the new entry's id.
     */
    public long append(DSLContext tx, AuditEntry entry) {
        AuditSeal.Content content = new AuditSeal.Content(now().toInstant(), entry.activity().entraName(),
                clip(entry.actor(), ACTOR_LENGTH), clip(entry.target(), TARGET_LENGTH),
                entry.kioskId() == null ? null : clip(entry.kioskId(), KIOSK_LENGTH), entry.result().name(),
                clip(entry.failureReason(), REASON_LENGTH), clip(entry.details(), DETAILS_LENGTH),
                entry.method() == null ? null : entry.method().name());
        long id = tx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, content.occurredAt().atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENT.ACTIVITY, content.activity())
                .set(AUDIT_EVENT.ACTOR, content.actor())
                .set(AUDIT_EVENT.TARGET, content.target())
                .set(AUDIT_EVENT.KIOSK_ID, content.kioskId())
                .set(AUDIT_EVENT.RESULT, content.result())
                .set(AUDIT_EVENT.FAILURE_REASON, content.failureReason())
                .set(AUDIT_EVENT.DETAILS, content.details())
                .set(AUDIT_EVENT.METHOD, content.method())
                // The sealer links the event into the chain later (AuditChain); its own MAC is taken now.
                .set(AUDIT_EVENT.ROW_MAC, seal.rowMac(content))
                .returningResult(AUDIT_EVENT.ID)
                .fetchOne()
                .value1();
        if (entry.elapsed() != null) {
            // Taken into the insights' time-to-reset by the sealer that links this event (ADR 22).
            tx.insertInto(INSIGHTS_PENDING_DURATION)
                    .set(INSIGHTS_PENDING_DURATION.EVENT_ID, id)
                    .set(INSIGHTS_PENDING_DURATION.SECONDS, entry.elapsed().toSeconds())
                    .execute();
        }
        return id;
    }

    /** Appends an entry that records no other change (an attempt refused, a step taken) in its own transaction. */
    public long record(AuditEntry entry) {
        return database.inTransaction(tx -> append(tx, entry));
    }

    /** One page of the events matching {@code query}, newest first. */
    public Page<AuditEventDto> query(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        Condition where = conditionOf(query);
        DSLContext dsl = database.dsl();
        long total = dsl.fetchCount(AUDIT_EVENT, where);
        List<AuditEventDto> items = dsl.selectFrom(AUDIT_EVENT)
                .where(where)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(size)
                .offset((long) page * size)
                .fetch(AuditLog::toDto);
        return new Page<>(items, total, page, size);
    }

    static Condition conditionOf(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.activity() != null) {
            conditions.add(AUDIT_EVENT.ACTIVITY.eq(query.activity().entraName()));
        }
        if (query.actor() != null) {
            conditions.add(DSL.lower(AUDIT_EVENT.ACTOR).eq(query.actor().toLowerCase(Locale.ROOT)));
        }
        if (query.target() != null) {
            conditions.add(DSL.lower(AUDIT_EVENT.TARGET).eq(query.target().toLowerCase(Locale.ROOT)));
        }
        if (query.result() != null) {
            conditions.add(AUDIT_EVENT.RESULT.eq(query.result().name()));
        }
        if (query.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(query.to().atOffset(ZoneOffset.UTC)));
        }
        return DSL.and(conditions);
    }

    static AuditEventDto toDto(Record row) {
        String activityName = row.get(AUDIT_EVENT.ACTIVITY);
        AuditActivity activity = AuditActivity.fromEntraName(activityName).orElseThrow(() ->
                new IllegalStateException("Audit event " + row.get(AUDIT_EVENT.ID) + " has an unknown activity"));
        return new AuditEventDto(row.get(AUDIT_EVENT.ID), row.get(AUDIT_EVENT.OCCURRED_AT).toInstant(), activity,
                row.get(AUDIT_EVENT.ACTOR), row.get(AUDIT_EVENT.TARGET), row.get(AUDIT_EVENT.KIOSK_ID),
                AuditResult.valueOf(row.get(AUDIT_EVENT.RESULT)), row.get(AUDIT_EVENT.FAILURE_REASON),
                row.get(AUDIT_EVENT.DETAILS), methodOf(row.get(AUDIT_EVENT.METHOD)));
    }

    private static AuthMethod methodOf(String name) {
        return name == null ? null : AuthMethod.valueOf(name);
    }

    /** The content an event's row MAC covers, as stored. */
    static AuditSeal.Content contentOf(Record row) {
        return new AuditSeal.Content(row.get(AUDIT_EVENT.OCCURRED_AT).toInstant(), row.get(AUDIT_EVENT.ACTIVITY),
                row.get(AUDIT_EVENT.ACTOR), row.get(AUDIT_EVENT.TARGET), row.get(AUDIT_EVENT.KIOSK_ID),
                row.get(AUDIT_EVENT.RESULT), row.get(AUDIT_EVENT.FAILURE_REASON), row.get(AUDIT_EVENT.DETAILS),
                row.get(AUDIT_EVENT.METHOD));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        // Don't split a surrogate pair at the cut.
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
