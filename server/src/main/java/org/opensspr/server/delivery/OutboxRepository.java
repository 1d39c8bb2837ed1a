package org.opensspr.server.delivery;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.opensspr.server.db.DbTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.when;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;
import static org.opensspr.server.db.DbTime.of;

/**
 * The outbox's queries. Every state change is a conditional UPDATE on (id, status, attempts): the
 * attempts count works as the row's version, so of two servers racing for a message exactly one
 * claims it, and a worker whose lease ran out can't overwrite the outcome of the one that took over.
 */
final class OutboxRepository {
    static final String SECRET_EXPIRED = "Its code expired before it could be delivered";
    private static final int MAX_ERROR = 2048;

    /** A due row as read before claiming it; {@code secretUntil} is null when it carries no secret. */
    record Due(long id, int attempts, Instant queuedAt, Channel channel, String to, String subject, String body,
               String language, Instant secretUntil) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", attempts=" + attempts + "]";
        }
    }

    /** A message whose secret expired: what names its copies (an .eml file). */
    record Expired(long id, Instant queuedAt, Channel channel) {
    }

    private OutboxRepository() {
    }

    /** {@code secretUntil}: when the secret the message carries expires; null when it carries none. */
    static long insertEmail(DSLContext dsl, EmailMessage message, Instant now, Instant secretUntil) {
        return insert(dsl, Channel.EMAIL, message.to(), message.subject(), message.textBody(), "", now, secretUntil);
    }

    /** Any channel's message; {@code language}: what a call speaks (empty otherwise). */
    static long insert(DSLContext dsl, Channel channel, String recipient, String subject, String body, String language,
                       Instant now, Instant secretUntil) {
        OffsetDateTime at = of(now);
        return dsl.insertInto(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.CHANNEL, channel.name())
                .set(OUTBOX_MESSAGE.RECIPIENT, recipient)
                .set(OUTBOX_MESSAGE.SUBJECT, subject)
                .set(OUTBOX_MESSAGE.BODY, body)
                .set(OUTBOX_MESSAGE.LANGUAGE, language)
                .set(OUTBOX_MESSAGE.CREATED_AT, at)
                .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.QUEUED.name())
                .set(OUTBOX_MESSAGE.ATTEMPTS, 0)
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, at)
                .set(OUTBOX_MESSAGE.LAST_ERROR, "")
                .set(OUTBOX_MESSAGE.SECRET_UNTIL, secretUntil == null ? null : of(secretUntil))
                .returning(OUTBOX_MESSAGE.ID)
                .fetchOne()
                .getId();
    }

    /** Queued messages (every channel) whose time has come, oldest first. */
    static List<Due> due(DSLContext dsl, Instant now, int limit) {
        return dsl.select(OUTBOX_MESSAGE.ID, OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.CREATED_AT, OUTBOX_MESSAGE.CHANNEL,
                        OUTBOX_MESSAGE.RECIPIENT, OUTBOX_MESSAGE.SUBJECT, OUTBOX_MESSAGE.BODY, OUTBOX_MESSAGE.LANGUAGE,
                        OUTBOX_MESSAGE.SECRET_UNTIL)
                .from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .and(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT.le(of(now)))
                .orderBy(OUTBOX_MESSAGE.ID)
                .limit(limit)
                .fetch(OutboxRepository::due);
    }

    private static Due due(Record r) {
        return new Due(r.get(OUTBOX_MESSAGE.ID), r.get(OUTBOX_MESSAGE.ATTEMPTS),
                r.get(OUTBOX_MESSAGE.CREATED_AT).toInstant(), Channel.valueOf(r.get(OUTBOX_MESSAGE.CHANNEL)),
                r.get(OUTBOX_MESSAGE.RECIPIENT), r.get(OUTBOX_MESSAGE.SUBJECT), r.get(OUTBOX_MESSAGE.BODY),
                r.get(OUTBOX_MESSAGE.LANGUAGE), DbTime.instant(r.get(OUTBOX_MESSAGE.SECRET_UNTIL)));
    }

    /**
     * Takes the rows of {@code seen} (as read) for one attempt each, in one statement: counts the attempt
     * and hides each row until {@code leaseUntil}. Answers the ids whose UPDATE found the row as read; a
     * row another server claimed, sent or rescheduled meanwhile is left out.
     */
    static Set<Long> claim(DSLContext dsl, List<Due> seen, Instant now, Instant leaseUntil) {
        if (seen.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.ATTEMPTS.plus(1))
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, of(leaseUntil))
                .set(OUTBOX_MESSAGE.LAST_ATTEMPT_AT, of(now))
                .where(asRead(seen, 0))
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .and(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT.le(of(now)))
                .returningResult(OUTBOX_MESSAGE.ID)
                .fetch(Record1::value1));
    }

    /**
     * Gives claimed rows back unsent, due at {@code now}, as if never claimed (the attempt uncounted): what a
     * round claimed but gave no courier, for want of time within the lease or after a failure.
     */
    static int release(DSLContext dsl, List<Due> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return 0;
        }
        return dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.ATTEMPTS.minus(1))
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, of(now))
                .where(asRead(claimed, 1))
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .execute();
    }

    /** A message a courier took: {@code forgetBody} blanks its body too (a secret the relay took away). */
    record Handover(Due due, boolean forgetBody) {
    }

    /**
     * Marks each handed-over message sent, in one statement; answers the ids marked. One left out was
     * sent after its lease ran out (or its code expired meanwhile): another server may send it again.
     */
    static Set<Long> markSent(DSLContext dsl, List<Handover> sent, Instant now) {
        if (sent.isEmpty()) {
            return Set.of();
        }
        List<Long> forget = sent.stream().filter(Handover::forgetBody).map(h -> h.due().id()).toList();
        return Set.copyOf(dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.SENT.name())
                .set(OUTBOX_MESSAGE.SENT_AT, of(now))
                // The error of an earlier attempt no longer describes this message.
                .set(OUTBOX_MESSAGE.LAST_ERROR, "")
                .set(OUTBOX_MESSAGE.BODY, forget.isEmpty() ? OUTBOX_MESSAGE.BODY
                        : when(OUTBOX_MESSAGE.ID.in(forget), inline("")).otherwise(OUTBOX_MESSAGE.BODY))
                .where(asRead(sent.stream().map(Handover::due).toList(), 1))
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .returningResult(OUTBOX_MESSAGE.ID)
                .fetch(Record1::value1));
    }

    /** The rows as read, their attempts {@code plus} what was since counted: the attempts count is the row's version. */
    private static Condition asRead(List<Due> rows, int plus) {
        return row(OUTBOX_MESSAGE.ID, OUTBOX_MESSAGE.ATTEMPTS)
                .in(rows.stream().map(due -> row(due.id(), due.attempts() + plus)).toList());
    }

    static boolean reschedule(DSLContext dsl, long id, int attempt, Instant nextAttemptAt, String error) {
        return dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.NEXT_ATTEMPT_AT, of(nextAttemptAt))
                .set(OUTBOX_MESSAGE.LAST_ERROR, shorten(error))
                .where(claimedBy(id, attempt))
                .execute() == 1;
    }

    static boolean markFailed(DSLContext dsl, long id, int attempt, String error) {
        return dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.FAILED.name())
                .set(OUTBOX_MESSAGE.LAST_ERROR, shorten(error))
                .where(claimedBy(id, attempt))
                .execute() == 1;
    }

    /** A message that failed after it was handed over: whom it was for. */
    record Lost(Channel channel, String recipient) {
    }

    /** A message the gateway took but the provider reports lost: failed after all. Empty unless it was sent. */
    static java.util.Optional<Lost> failAfterHandover(DSLContext dsl, long id, String error) {
        var row = dsl.select(OUTBOX_MESSAGE.CHANNEL, OUTBOX_MESSAGE.RECIPIENT)
                .from(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id), OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.SENT.name()))
                .fetchOne();
        if (row == null || dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.FAILED.name())
                .set(OUTBOX_MESSAGE.LAST_ERROR, shorten(error))
                .where(OUTBOX_MESSAGE.ID.eq(id), OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.SENT.name()))
                .execute() != 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Lost(Channel.valueOf(row.value1()), row.value2()));
    }

    private static Condition claimedBy(long id, int attempt) {
        return OUTBOX_MESSAGE.ID.eq(id)
                .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .and(OUTBOX_MESSAGE.ATTEMPTS.eq(attempt));
    }

    static DeliveryStatus status(DSLContext dsl) {
        var counts = dsl.select(OUTBOX_MESSAGE.STATUS, count())
                .from(OUTBOX_MESSAGE)
                .groupBy(OUTBOX_MESSAGE.STATUS)
                .fetchMap(OUTBOX_MESSAGE.STATUS, count());
        OffsetDateTime oldest = dsl.select(min(OUTBOX_MESSAGE.CREATED_AT))
                .from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                .fetchOne(0, OffsetDateTime.class);
        DeliveryStatus.Failure lastFailure = dsl.select(OUTBOX_MESSAGE.ID, OUTBOX_MESSAGE.STATUS,
                        OUTBOX_MESSAGE.ATTEMPTS, OUTBOX_MESSAGE.LAST_ATTEMPT_AT, OUTBOX_MESSAGE.LAST_ERROR)
                .from(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.LAST_ERROR.ne(""))
                .and(OUTBOX_MESSAGE.LAST_ATTEMPT_AT.isNotNull())
                .orderBy(OUTBOX_MESSAGE.LAST_ATTEMPT_AT.desc(), OUTBOX_MESSAGE.ID.desc())
                .limit(1)
                .fetchOptional(r -> new DeliveryStatus.Failure(r.get(OUTBOX_MESSAGE.ID),
                        OutboxStatus.valueOf(r.get(OUTBOX_MESSAGE.STATUS)), r.get(OUTBOX_MESSAGE.ATTEMPTS),
                        r.get(OUTBOX_MESSAGE.LAST_ATTEMPT_AT).toInstant(), r.get(OUTBOX_MESSAGE.LAST_ERROR)))
                .orElse(null);
        return new DeliveryStatus(countOf(counts, OutboxStatus.QUEUED), countOf(counts, OutboxStatus.SENT),
                countOf(counts, OutboxStatus.FAILED), oldest == null ? null : oldest.toInstant(), lastFailure);
    }

    private static long countOf(Map<String, Integer> counts, OutboxStatus status) {
        return counts.getOrDefault(status.name(), 0);
    }

    /** Removes sent and failed messages queued before {@code cutoff}; waiting ones stay whatever their age. */
    static int purgeFinishedBefore(DSLContext dsl, Instant cutoff) {
        return dsl.deleteFrom(OUTBOX_MESSAGE)
                .where(OUTBOX_MESSAGE.STATUS.in(OutboxStatus.SENT.name(), OutboxStatus.FAILED.name()))
                .and(OUTBOX_MESSAGE.CREATED_AT.lt(of(cutoff)))
                .execute();
    }

    /**
     * Blanks the body of every message whose secret expired after {@code after} (null: at any time)
     * and by {@code now}; one still waiting fails (a late code helps no one, a blank one even less).
     */
    static Forgotten forgetSecretsExpiredBetween(DSLContext dsl, Instant after, Instant now) {
        // Channel by channel, so the failures are counted per channel exactly as this server made them.
        Map<Channel, Integer> failed = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            int count = dsl.update(OUTBOX_MESSAGE)
                    .set(OUTBOX_MESSAGE.STATUS, OutboxStatus.FAILED.name())
                    .set(OUTBOX_MESSAGE.LAST_ERROR, SECRET_EXPIRED)
                    .set(OUTBOX_MESSAGE.BODY, "")
                    .where(secretExpiredBetween(after, now))
                    .and(OUTBOX_MESSAGE.STATUS.eq(OutboxStatus.QUEUED.name()))
                    .and(OUTBOX_MESSAGE.CHANNEL.eq(channel.name()))
                    .execute();
            if (count > 0) {
                failed.put(channel, count);
            }
        }
        int blanked = dsl.update(OUTBOX_MESSAGE)
                .set(OUTBOX_MESSAGE.BODY, "")
                .where(secretExpiredBetween(after, now))
                .and(OUTBOX_MESSAGE.BODY.ne(""))
                .execute();
        return new Forgotten(Map.copyOf(failed), blanked + failed.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** What forgetting did: the waiting messages it failed, by channel, and every row it blanked (those included). */
    record Forgotten(Map<Channel, Integer> failedWaiting, int blanked) {
    }

    /** The messages {@link #forgetSecretsExpiredBetween} is about, whatever became of them. */
    static List<Expired> secretsExpiredBetween(DSLContext dsl, Instant after, Instant now) {
        return dsl.select(OUTBOX_MESSAGE.ID, OUTBOX_MESSAGE.CREATED_AT, OUTBOX_MESSAGE.CHANNEL)
                .from(OUTBOX_MESSAGE)
                .where(secretExpiredBetween(after, now))
                .fetch(r -> new Expired(r.get(OUTBOX_MESSAGE.ID), r.get(OUTBOX_MESSAGE.CREATED_AT).toInstant(),
                        Channel.valueOf(r.get(OUTBOX_MESSAGE.CHANNEL))));
    }

    private static Condition secretExpiredBetween(Instant after, Instant now) {
        Condition byNow = OUTBOX_MESSAGE.SECRET_UNTIL.le(of(now));
        return after == null ? byNow : byNow.and(OUTBOX_MESSAGE.SECRET_UNTIL.gt(of(after)));
    }

    private static String shorten(String error) {
        String text = error == null ? "" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
