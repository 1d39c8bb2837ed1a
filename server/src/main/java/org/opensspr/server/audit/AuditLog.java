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
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SortField;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.InlinedStatements;
import org.opensspr.server.directory.ListCursor;
import org.opensspr.server.directory.NameKey;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;

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
                .set(AUDIT_EVENT.ACTOR_KEY, key(content.actor()))
                .set(AUDIT_EVENT.TARGET_KEY, key(content.target()))
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

    /**
     * One page of the events matching {@code query}, newest first (ADR 29): the page's ids are found along the
     * index of its filter (from the index alone on PostgreSQL), then its events by id. The total is counted up
     * to {@value #EXACT_COUNT_LIMIT}; beyond that it is the table's size (PostgreSQL: its estimate) without a
     * filter and "at least what was seen" with one, flagged as not exact.
     */
    public Page<AuditEventDto> query(AuditQuery query, int page, int size) {
        return query(query, page, size, "");
    }

    /**
     * As {@link #query(AuditQuery, int, int)}, or, when {@code after} is a page's {@link Page#next()}, the page
     * after that one: found from its last event's time and id along the index, however deep.
     *
     * @throws org.opensspr.server.http.ApiException INVALID_VALUE for an {@code after} that is no audit page's cursor
     */
    public Page<AuditEventDto> query(AuditQuery query, int page, int size, String after) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        ListCursor cursor = after == null || after.isEmpty() ? null : ListCursor.decode(after, CURSOR_SORT, 2);
        Condition where = conditionOf(query);
        Condition from = cursor == null ? DSL.noCondition() : before(cursor);
        long offset = cursor == null ? (long) page * size : cursor.position();
        int pageNumber = cursor == null ? page : (int) Math.min(Integer.MAX_VALUE, offset / size);
        return database.inTransaction(tx -> {
            DSLContext ctx = InlinedStatements.of(tx);
            List<Long> ids = ctx.fetch(pageIds(ctx, query, from, cursor == null ? offset : 0, size))
                    .getValues(AUDIT_EVENT.ID);
            boolean more = ids.size() > size;
            List<Long> onPage = more ? ids.subList(0, size) : ids;
            Map<Long, AuditEventDto> byId = new HashMap<>();
            if (!onPage.isEmpty()) {
                ctx.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.in(onPage)).fetch()
                        .forEach(r -> byId.put(r.getId(), toDto(r)));
            }
            List<AuditEventDto> items = onPage.stream().map(byId::get).filter(Objects::nonNull).toList();
            String next = more && !items.isEmpty() ? new ListCursor(CURSOR_SORT, offset + items.size(),
                    List.of(items.getLast().occurredAt().toString(), Long.toString(items.getLast().id()))).encode() : null;
            long counted = ctx.fetchValue(boundedCount(ctx, where));
            if (counted <= EXACT_COUNT_LIMIT) {
                return new Page<>(items, counted, pageNumber, size, true, next);
            }
            long seen = Math.max(EXACT_COUNT_LIMIT + 1L, offset + items.size() + (more ? 1 : 0));
            if (!query.equals(AuditQuery.all())) {
                return new Page<>(items, seen, pageNumber, size, false, next);
            }
            if (ctx.dialect().family() == SQLDialect.POSTGRES) {
                return new Page<>(items, Math.max(seen, estimatedEvents(ctx)), pageNumber, size, false, next);
            }
            return new Page<>(items, ctx.fetchCount(AUDIT_EVENT), pageNumber, size, true, next);
        });
    }

    /** The one order the log is listed in, as a cursor names it. */
    static final String CURSOR_SORT = "-occurredAt";

    /** Events older than the cursor's last one (ties by id), a row comparison the index starts at. */
    private static Condition before(ListCursor cursor) {
        OffsetDateTime at;
        long id;
        try {
            at = java.time.Instant.parse(cursor.keys().get(0)).atOffset(ZoneOffset.UTC);
            id = Long.parseLong(cursor.keys().get(1));
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw ListCursor.invalid();
        }
        return DSL.row(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).lt(DSL.inline(at), DSL.inline(id));
    }

    /** Up to how many matching events a page counts exactly. */
    static final int EXACT_COUNT_LIMIT = 10_000;

    /** The ids of a page's events, and of one more to tell whether a page follows (package-private: plans are tested). */
    static Select<Record1<Long>> pageIds(DSLContext ctx, AuditQuery query, Condition after, long offset, int size) {
        // A column the filter holds equal leads the order: the same order, and H2 then sees that the filter's
        // index (that column, occurred_at, id) gives it, instead of sorting every event the filter selects.
        List<SortField<?>> order = new ArrayList<>();
        if (query.target() != null) {
            order.add(AUDIT_EVENT.TARGET_KEY.desc());
        } else if (query.actor() != null) {
            order.add(AUDIT_EVENT.ACTOR_KEY.desc());
        } else if (query.activity() != null) {
            order.add(AUDIT_EVENT.ACTIVITY.desc());
        }
        order.add(AUDIT_EVENT.OCCURRED_AT.desc());
        order.add(AUDIT_EVENT.ID.desc());
        return ctx.select(AUDIT_EVENT.ID).from(AUDIT_EVENT).where(conditionOf(query).and(after))
                .orderBy(order).limit(DSL.inline(size + 1)).offset(DSL.inline(offset));
    }

    /** How many events match, counted no further than one beyond {@link #EXACT_COUNT_LIMIT}. */
    static Select<Record1<Integer>> boundedCount(DSLContext ctx, Condition where) {
        return ctx.select(DSL.count()).from(DSL.select(DSL.inline(1).as("one")).from(AUDIT_EVENT).where(where)
                .limit(DSL.inline(EXACT_COUNT_LIMIT + 1)).asTable("bounded"));
    }

    private static long estimatedEvents(DSLContext ctx) {
        Object value = ctx.fetchValue("select reltuples from pg_class where oid = to_regclass('audit_event')");
        return value instanceof Number n ? Math.round(n.doubleValue()) : -1;
    }

    /** The lower-cased form of an actor or target that the filters match (columns actor_key, target_key). */
    static String key(String actorOrTarget) {
        return NameKey.of(actorOrTarget, ACTOR_LENGTH);
    }

    static Condition conditionOf(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.activity() != null) {
            conditions.add(AUDIT_EVENT.ACTIVITY.eq(query.activity().entraName()));
        }
        if (query.actor() != null) {
            conditions.add(AUDIT_EVENT.ACTOR_KEY.eq(key(query.actor())));
        }
        if (query.target() != null) {
            conditions.add(AUDIT_EVENT.TARGET_KEY.eq(key(query.target())));
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
