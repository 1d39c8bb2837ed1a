package org.opensspr.server.throttle;

import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.exception.SQLStateClass;
import org.opensspr.throttling.Throttle;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEvent;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.opensspr.server.db.Tables.THROTTLE_EVENT;
import static org.opensspr.server.db.Tables.THROTTLE_SUBJECT;

/**
 * Throttling counters as rows, so every server instance sees the same counts; the decision is the
 * shared-model's pure {@link Throttle} over the rows within its horizon.
 */
public final class ThrottleStore {
    private static final Throttle PER_USER = Throttle.perUser();
    private static final Throttle PER_KIOSK = Throttle.perKiosk();

    /**
     * The events one transaction has read, by subject ({@link #inTransactionReadingOnce}), with what it has recorded
     * since: this store's own, like {@code PolicyService}'s reading per request.
     */
    private final ScopedValue<Map<String, Read>> readInThisTransaction = ScopedValue.newInstance();

    /** A subject's events from {@code since} on, as this transaction read and then added to them. */
    private record Read(Instant since, List<ThrottleEvent> events) {
    }

    /**
     * Runs {@code work} in one transaction that reads each subject's events at most once: a reset step decides in
     * its check and again after its work, and what it recorded in between is added to what it read. Other
     * transactions' events that commit meanwhile count from the next step's check on, which reads afresh; the
     * check is what guards every side effect, and it never sees an older reading.
     */
    public <T> T inTransactionReadingOnce(Database database, Function<DSLContext, T> work) {
        return ScopedValue.where(readInThisTransaction, new HashMap<String, Read>())
                .call(() -> database.inTransaction(work));
    }

    /** Per user; unknown names are limited by the per-kiosk rule, which every flow start counts against. */
    public static String userKey(String userId) {
        return "user:" + userId;
    }

    public static String kioskKey(String kioskIdOrAddress) {
        return "kiosk:" + kioskIdOrAddress;
    }

    /**
     * Makes sure {@code subject} has the row {@link #inTurn} locks, in a transaction of its own (a
     * unique-key race lost inside the caller's would end it on PostgreSQL); losing that race to another
     * request, on this server or another, is as good as winning it.
     */
    private void ensureSubject(Database database, String subject, Instant at) {
        try {
            database.inTransactionDo(tx -> tx.insertInto(THROTTLE_SUBJECT)
                    .set(THROTTLE_SUBJECT.SUBJECT_KEY, subject)
                    .set(THROTTLE_SUBJECT.CREATED_AT, DbTime.of(at))
                    .execute());
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
        }
    }

    /**
     * Runs {@code work} in a transaction that first locks {@code subject}'s row (see {@link #ensureSubject}), so
     * requests that count its events and then record one take turns, whichever servers they reach. A row that
     * housekeeping purged in between (an idle subject, {@link #purgeIdleSubjectsBefore}) is made again.
     */
    public <T> T inTurn(Database database, String subject, Instant at, Function<DSLContext, T> work) {
        for (int tries = 1; tries <= MAX_LOCK_TRIES; tries++) {
            List<T> done = database.inTransaction(tx -> locked(tx, subject) ? List.of(work.apply(tx)) : List.of());
            if (!done.isEmpty()) {
                return done.getFirst();
            }
            ensureSubject(database, subject, at); // the first time for this subject, or after housekeeping
        }
        throw new IllegalStateException("The throttle subject " + subject + "'s row kept disappearing");
    }

    private static final int MAX_LOCK_TRIES = 3;

    private static boolean locked(DSLContext tx, String subject) {
        return tx.selectFrom(THROTTLE_SUBJECT).where(THROTTLE_SUBJECT.SUBJECT_KEY.eq(subject)).forUpdate()
                .fetchOptional().isPresent();
    }

    /** Records one event; answers its id. */
    public long record(DSLContext tx, String subject, ThrottleEventKind kind, boolean failedProof, Instant at) {
        if (readInThisTransaction.isBound() && readInThisTransaction.get().get(subject) instanceof Read read) {
            read.events().add(new ThrottleEvent(DbTime.of(at).toInstant(), kind, failedProof)); // as it reads back
        }
        return tx.insertInto(THROTTLE_EVENT)
                .set(THROTTLE_EVENT.SUBJECT_KEY, subject)
                .set(THROTTLE_EVENT.KIND, kind.name())
                .set(THROTTLE_EVENT.FAILED_PROOF, failedProof)
                .set(THROTTLE_EVENT.OCCURRED_AT, DbTime.of(at))
                .returning(THROTTLE_EVENT.ID)
                .fetchOne(THROTTLE_EVENT.ID);
    }

    /** An attempt counted as failed before its check turned out right (see {@code ResetFlows.proveHashed}). */
    public void succeeded(DSLContext tx, long eventId) {
        if (readInThisTransaction.isBound()) {
            readInThisTransaction.get().clear(); // a reading doesn't know its events' ids: the next one reads afresh
        }
        tx.update(THROTTLE_EVENT).set(THROTTLE_EVENT.FAILED_PROOF, false).where(THROTTLE_EVENT.ID.eq(eventId)).execute();
    }

    public ThrottleDecision forUser(DSLContext tx, String subject, Instant now) {
        return PER_USER.decide(events(tx, subject, now.minus(PER_USER.horizon())), now);
    }

    public ThrottleDecision forKiosk(DSLContext tx, String subject, Instant now) {
        return PER_KIOSK.decide(events(tx, subject, now.minus(PER_KIOSK.horizon())), now);
    }

    /**
     * How long an event is kept: while a throttle can still count it (the longest horizon, a user's 24 h window
     * and the 24 h block it may start), and a day more for servers whose clocks disagree.
     */
    public static final Duration KEPT = Stream.of(PER_USER, PER_KIOSK).map(Throttle::horizon)
            .max(Duration::compareTo).orElseThrow().plus(Duration.ofDays(1));

    /** Housekeeping: deletes the events older than {@code cutoff} ({@link #KEPT} before now); how many. */
    public int purgeEventsBefore(Database database, Instant cutoff) {
        return database.inTransaction(tx -> tx.deleteFrom(THROTTLE_EVENT)
                .where(THROTTLE_EVENT.OCCURRED_AT.lt(DbTime.of(cutoff))).execute());
    }

    /**
     * Housekeeping: deletes the lock rows of subjects made before {@code cutoff} that have no events left; a
     * request that still counts on one makes it again ({@link #inTurn}). How many.
     */
    public int purgeIdleSubjectsBefore(Database database, Instant cutoff) {
        return database.inTransaction(tx -> tx.deleteFrom(THROTTLE_SUBJECT)
                .where(THROTTLE_SUBJECT.CREATED_AT.lt(DbTime.of(cutoff)))
                .andNotExists(DSL.selectOne().from(THROTTLE_EVENT)
                        .where(THROTTLE_EVENT.SUBJECT_KEY.eq(THROTTLE_SUBJECT.SUBJECT_KEY)))
                .execute());
    }

    private List<ThrottleEvent> events(DSLContext tx, String subject, Instant since) {
        if (!readInThisTransaction.isBound()) {
            return read(tx, subject, since);
        }
        Map<String, Read> reads = readInThisTransaction.get();
        Read read = reads.get(subject);
        if (read == null || since.isBefore(read.since())) {
            read = new Read(since, new ArrayList<>(read(tx, subject, since)));
            reads.put(subject, read);
        }
        Instant from = DbTime.of(since).toInstant();
        return read.events().stream().filter(event -> !event.at().isBefore(from)).toList();
    }

    private static List<ThrottleEvent> read(DSLContext tx, String subject, Instant since) {
        return tx.selectFrom(THROTTLE_EVENT)
                .where(THROTTLE_EVENT.SUBJECT_KEY.eq(subject))
                .and(THROTTLE_EVENT.OCCURRED_AT.ge(DbTime.of(since)))
                .fetch(r -> new ThrottleEvent(r.getOccurredAt().toInstant(), ThrottleEventKind.valueOf(r.getKind()),
                        r.getFailedProof()));
    }
}
