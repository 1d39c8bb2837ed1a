package org.opensspr.server.captcha;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static org.opensspr.server.db.Tables.CAPTCHA;

/** The {@code captcha} rows. Every method runs in the {@link DSLContext} it is given. */
final class CaptchaRepository {
    record Stored(String answerHash, Instant expiresAt) {
    }

    void insert(DSLContext dsl, String id, String flowId, String answerHash, Instant createdAt, Instant expiresAt) {
        dsl.insertInto(CAPTCHA)
                .set(CAPTCHA.ID, id)
                .set(CAPTCHA.FLOW_ID, flowId)
                .set(CAPTCHA.ANSWER_HASH, answerHash)
                .set(CAPTCHA.CREATED_AT, DbTime.of(createdAt))
                .set(CAPTCHA.EXPIRES_AT, DbTime.of(expiresAt))
                .execute();
    }

    /**
     * Marks the captcha used and answers what it was, or empty when it doesn't exist or was used
     * already. The conditional update is the claim: of two concurrent calls only one gets the row.
     */
    Optional<Stored> consume(DSLContext dsl, String id, String flowId, Instant now) {
        return dsl.update(CAPTCHA).set(CAPTCHA.USED_AT, DbTime.of(now))
                .where(CAPTCHA.ID.eq(id), CAPTCHA.USED_AT.isNull(),
                        flowId == null ? CAPTCHA.FLOW_ID.isNull() : CAPTCHA.FLOW_ID.eq(flowId))
                .returningResult(CAPTCHA.ANSWER_HASH, CAPTCHA.EXPIRES_AT)
                .fetchOptional(r -> new Stored(r.value1(), r.value2().toInstant()));
    }

    /** Uses up every unused captcha of the flow: only the newest one drawn can be answered. */
    void spendAllOf(DSLContext dsl, String flowId, Instant now) {
        dsl.update(CAPTCHA).set(CAPTCHA.USED_AT, DbTime.of(now))
                .where(CAPTCHA.FLOW_ID.eq(flowId), CAPTCHA.USED_AT.isNull()).execute();
    }

    int countFor(DSLContext dsl, String flowId) {
        return dsl.fetchCount(CAPTCHA, CAPTCHA.FLOW_ID.eq(flowId));
    }

    int deleteExpiredBefore(DSLContext dsl, Instant cutoff) {
        return dsl.deleteFrom(CAPTCHA).where(CAPTCHA.EXPIRES_AT.lt(DbTime.of(cutoff))).execute();
    }

}
