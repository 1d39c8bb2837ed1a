package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.api.ErrorCode;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.kiosk.KioskCaller;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.opensspr.server.db.Tables.SECURITY_INFO_PENDING;
import static org.opensspr.server.db.Tables.SECURITY_INFO_SESSION;

/**
 * The sessions a lock-screen sign-in opens for the user's own security info (docs/design.md §7): a bearer that
 * only its kiosk may present, for {@link #LIFETIME} after the sign-in proved the password. Only the bearer's
 * hash is stored. Every method takes the caller's transaction.
 */
final class SecurityInfoSessions {
    /** As long as a reset flow: the password proven at sign-in is that fresh at most. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Tokens tokens = new Tokens();

    /** An open session; {@code provenAt} is when a registered method was proven again in it, if it was. */
    record Session(String id, String userId, String locale, SignInPrompt prompt, Instant provenAt,
                   List<String> proofQuestions, Instant expiresAt) {
        boolean proven() {
            return provenAt != null;
        }
    }

    /** Opens a session for the user at this kiosk; answers its bearer, which is shown nowhere else. */
    String open(DSLContext tx, String userId, KioskCaller caller, String locale, SignInPrompt prompt, Instant now) {
        return open(tx, userId, caller, locale, prompt, now, null);
    }

    /** As {@link #open}, already proven: the sign-in itself was the proof (a Temporary Access Pass). */
    String openProven(DSLContext tx, String userId, KioskCaller caller, String locale, SignInPrompt prompt, Instant now) {
        return open(tx, userId, caller, locale, prompt, now, now);
    }

    private String open(DSLContext tx, String userId, KioskCaller caller, String locale, SignInPrompt prompt,
                        Instant now, Instant provenAt) {
        String token = tokens.newToken();
        tx.insertInto(SECURITY_INFO_SESSION)
                .set(SECURITY_INFO_SESSION.ID, UUID.randomUUID().toString())
                .set(SECURITY_INFO_SESSION.TOKEN_HASH, Tokens.sha256Hex(token))
                .set(SECURITY_INFO_SESSION.USER_ID, userId)
                .set(SECURITY_INFO_SESSION.KIOSK_ID, caller.kioskId())
                .set(SECURITY_INFO_SESSION.CLIENT_ADDRESS, caller.address() == null ? "" : caller.address())
                .set(SECURITY_INFO_SESSION.LOCALE, locale)
                .set(SECURITY_INFO_SESSION.PROMPT, prompt.name())
                .set(SECURITY_INFO_SESSION.STARTED_AT, DbTime.of(now))
                .set(SECURITY_INFO_SESSION.EXPIRES_AT, DbTime.of(now.plus(LIFETIME)))
                .set(SECURITY_INFO_SESSION.PROVEN_AT, provenAt == null ? null : DbTime.of(provenAt))
                .execute();
        return token;
    }

    /**
     * The live session this bearer opens for this caller. An unknown, ended, expired or foreign bearer all
     * answer the same 401, so a bearer read elsewhere tells nothing.
     */
    Session find(DSLContext tx, String token, KioskCaller caller, Instant now) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw expired();
        }
        var row = tx.selectFrom(SECURITY_INFO_SESSION)
                .where(SECURITY_INFO_SESSION.TOKEN_HASH.eq(Tokens.sha256Hex(token.strip())))
                .fetchOne();
        if (row == null || row.getEndedAt() != null || !now.isBefore(DbTime.instant(row.getExpiresAt()))
                || !caller.started(row.getKioskId(), row.getClientAddress())) {
            throw expired();
        }
        return session(row);
    }

    /** A session the caller's check already opened in this transaction, read afresh (after changes). */
    Session findById(DSLContext tx, String sessionId) {
        return session(tx.selectFrom(SECURITY_INFO_SESSION).where(SECURITY_INFO_SESSION.ID.eq(sessionId)).fetchSingle());
    }

    private static Session session(org.opensspr.server.db.tables.records.SecurityInfoSessionRecord row) {
        List<String> questions = row.getProofQuestions().isEmpty() ? List.of()
                : Arrays.asList(row.getProofQuestions().split(","));
        return new Session(row.getId(), row.getUserId(), row.getLocale(), SignInPrompt.valueOf(row.getPrompt()),
                row.getProvenAt() == null ? null : DbTime.instant(row.getProvenAt()), List.copyOf(questions),
                DbTime.instant(row.getExpiresAt()));
    }

    void proven(DSLContext tx, String sessionId, Instant now) {
        tx.update(SECURITY_INFO_SESSION).set(SECURITY_INFO_SESSION.PROVEN_AT, DbTime.of(now))
                .set(SECURITY_INFO_SESSION.PROOF_QUESTIONS, "")
                .where(SECURITY_INFO_SESSION.ID.eq(sessionId)).execute();
    }

    void proofQuestions(DSLContext tx, String sessionId, List<String> questionIds) {
        tx.update(SECURITY_INFO_SESSION).set(SECURITY_INFO_SESSION.PROOF_QUESTIONS, String.join(",", questionIds))
                .where(SECURITY_INFO_SESSION.ID.eq(sessionId)).execute();
    }

    /** Ends the session and discards whatever it started but didn't prove (a new app's seed, a code). */
    void end(DSLContext tx, String sessionId, Instant now) {
        tx.deleteFrom(SECURITY_INFO_PENDING).where(SECURITY_INFO_PENDING.SESSION_ID.eq(sessionId)).execute();
        tx.update(SECURITY_INFO_SESSION).set(SECURITY_INFO_SESSION.ENDED_AT, DbTime.of(now))
                .where(SECURITY_INFO_SESSION.ID.eq(sessionId), SECURITY_INFO_SESSION.ENDED_AT.isNull()).execute();
    }

    /** Ends every live session of the user, discarding what they left pending; answers how many. */
    int endAllOf(DSLContext tx, String userId, Instant now) {
        var live = tx.select(SECURITY_INFO_SESSION.ID).from(SECURITY_INFO_SESSION)
                .where(SECURITY_INFO_SESSION.USER_ID.eq(userId), SECURITY_INFO_SESSION.ENDED_AT.isNull(),
                        SECURITY_INFO_SESSION.EXPIRES_AT.gt(DbTime.of(now)))
                .fetch(SECURITY_INFO_SESSION.ID);
        live.forEach(id -> end(tx, id, now));
        return live.size();
    }

    /** Forgets sessions that ended or expired before {@code cutoff}, with anything they left pending. */
    int purge(DSLContext tx, Instant cutoff) {
        return tx.deleteFrom(SECURITY_INFO_SESSION).where(SECURITY_INFO_SESSION.EXPIRES_AT.lt(DbTime.of(cutoff))).execute();
    }

    private static ApiException expired() {
        return new ApiException(ErrorCode.SESSION_EXPIRED, "Your session has ended. Sign in again to manage your security info.");
    }
}
