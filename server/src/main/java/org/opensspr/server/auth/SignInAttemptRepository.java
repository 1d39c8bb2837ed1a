package org.opensspr.server.auth;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.throttling.SignInAttempt;

import java.time.Instant;
import java.util.List;

import static org.opensspr.server.db.Tables.SIGN_IN_ATTEMPT;
import static org.opensspr.server.db.Tables.SIGN_IN_SUBJECT;

/** Rows of {@code sign_in_attempt}: the history smart lockout replays. */
final class SignInAttemptRepository {

    /** The subject's newest attempts since {@code since}, at most {@code limit}. */
    List<SignInAttempt> recent(DSLContext dsl, String subjectKey, SignInChannel channel, Instant since, int limit) {
        return dsl.select(SIGN_IN_ATTEMPT.OCCURRED_AT, SIGN_IN_ATTEMPT.SUCCEEDED,
                        SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT)
                .from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.SUBJECT_KEY.eq(subjectKey))
                .and(SIGN_IN_ATTEMPT.CHANNEL.eq(channel.name()))
                .and(SIGN_IN_ATTEMPT.OCCURRED_AT.ge(DbTime.of(since)))
                .orderBy(SIGN_IN_ATTEMPT.OCCURRED_AT.desc())
                .limit(limit)
                .fetch(row -> new SignInAttempt(row.value1().toInstant(), row.value2(), row.value3()));
    }

    /** Inserts the attempt and returns its id. */
    long insert(DSLContext dsl, String subjectKey, SignInChannel channel, SignInAttempt attempt) {
        return dsl.insertInto(SIGN_IN_ATTEMPT)
                .set(SIGN_IN_ATTEMPT.SUBJECT_KEY, subjectKey)
                .set(SIGN_IN_ATTEMPT.CHANNEL, channel.name())
                .set(SIGN_IN_ATTEMPT.OCCURRED_AT, DbTime.of(attempt.at()))
                .set(SIGN_IN_ATTEMPT.SUCCEEDED, attempt.succeeded())
                .set(SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT, attempt.wrongPasswordFingerprint())
                .returning(SIGN_IN_ATTEMPT.ID)
                .fetchOne(SIGN_IN_ATTEMPT.ID);
    }

    void delete(DSLContext dsl, long attemptId) {
        dsl.deleteFrom(SIGN_IN_ATTEMPT).where(SIGN_IN_ATTEMPT.ID.eq(attemptId)).execute();
    }

    void refingerprint(DSLContext dsl, long attemptId, String fingerprint) {
        dsl.update(SIGN_IN_ATTEMPT).set(SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT, fingerprint)
                .where(SIGN_IN_ATTEMPT.ID.eq(attemptId)).execute();
    }

    void insertSubject(DSLContext dsl, String subjectKey, SignInChannel channel, Instant now) {
        dsl.insertInto(SIGN_IN_SUBJECT).set(SIGN_IN_SUBJECT.SUBJECT_KEY, subjectKey)
                .set(SIGN_IN_SUBJECT.CHANNEL, channel.name()).set(SIGN_IN_SUBJECT.CREATED_AT, DbTime.of(now)).execute();
    }

    /** Locks the subject's row until the transaction ends; false if it has none (purged meanwhile). */
    boolean lockSubject(DSLContext dsl, String subjectKey, SignInChannel channel) {
        return dsl.selectFrom(SIGN_IN_SUBJECT).where(SIGN_IN_SUBJECT.SUBJECT_KEY.eq(subjectKey))
                .and(SIGN_IN_SUBJECT.CHANNEL.eq(channel.name())).forUpdate().fetchOptional().isPresent();
    }

    /**
     * Subjects created before {@code before} with no attempt left: nothing of theirs can still count. One
     * created since may be about to record its first attempt, so it stays.
     */
    int deleteIdleSubjects(DSLContext dsl, Instant before) {
        return dsl.deleteFrom(SIGN_IN_SUBJECT).where(SIGN_IN_SUBJECT.CREATED_AT.lt(DbTime.of(before)))
                .andNotExists(dsl.selectOne().from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.SUBJECT_KEY.eq(SIGN_IN_SUBJECT.SUBJECT_KEY))
                .and(SIGN_IN_ATTEMPT.CHANNEL.eq(SIGN_IN_SUBJECT.CHANNEL))).execute();
    }

    /** Drops the subject's attempts before {@code before}: a success has made them irrelevant. */
    void deleteBefore(DSLContext dsl, String subjectKey, SignInChannel channel, Instant before) {
        dsl.deleteFrom(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.SUBJECT_KEY.eq(subjectKey))
                .and(SIGN_IN_ATTEMPT.CHANNEL.eq(channel.name()))
                .and(SIGN_IN_ATTEMPT.OCCURRED_AT.lt(DbTime.of(before)))
                .execute();
    }

    int deleteAllBefore(DSLContext dsl, Instant before) {
        return dsl.deleteFrom(SIGN_IN_ATTEMPT).where(SIGN_IN_ATTEMPT.OCCURRED_AT.lt(DbTime.of(before))).execute();
    }
}
