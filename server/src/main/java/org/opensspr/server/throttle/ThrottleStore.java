package org.opensspr.server.throttle;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.throttling.Throttle;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEvent;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Instant;
import java.util.List;

import static org.opensspr.server.db.Tables.THROTTLE_EVENT;

/**
 * Throttling counters as rows, so every server instance sees the same counts; the decision is the
 * shared-model's pure {@link Throttle} over the rows within its horizon.
 */
public final class ThrottleStore {
    private static final Throttle PER_USER = Throttle.perUser();
    private static final Throttle PER_KIOSK = Throttle.perKiosk();

    /** Per user; unknown names are limited by the per-kiosk rule, which every flow start counts against. */
    public static String userKey(String userId) {
        return "user:" + userId;
    }

    public static String kioskKey(String kioskIdOrAddress) {
        return "kiosk:" + kioskIdOrAddress;
    }

    /** Records one event; answers its id. */
    public long record(DSLContext tx, String subject, ThrottleEventKind kind, boolean failedProof, Instant at) {
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
        tx.update(THROTTLE_EVENT).set(THROTTLE_EVENT.FAILED_PROOF, false).where(THROTTLE_EVENT.ID.eq(eventId)).execute();
    }

    public ThrottleDecision forUser(DSLContext tx, String subject, Instant now) {
        return PER_USER.decide(events(tx, subject, now.minus(PER_USER.horizon())), now);
    }

    public ThrottleDecision forKiosk(DSLContext tx, String subject, Instant now) {
        return PER_KIOSK.decide(events(tx, subject, now.minus(PER_KIOSK.horizon())), now);
    }

    private static List<ThrottleEvent> events(DSLContext tx, String subject, Instant since) {
        return tx.selectFrom(THROTTLE_EVENT)
                .where(THROTTLE_EVENT.SUBJECT_KEY.eq(subject))
                .and(THROTTLE_EVENT.OCCURRED_AT.ge(DbTime.of(since)))
                .fetch(r -> new ThrottleEvent(r.getOccurredAt().toInstant(), ThrottleEventKind.valueOf(r.getKind()),
                        r.getFailedProof()));
    }
}
