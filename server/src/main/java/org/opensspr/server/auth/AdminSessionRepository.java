package org.opensspr.server.auth;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static org.opensspr.server.db.Tables.ADMIN_SESSION;

/** Rows of {@code admin_session}, keyed by the SHA-256 of the bearer token. */
final class AdminSessionRepository {

    record SessionRow(String tokenHash, String userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }

    void insert(DSLContext dsl, String tokenHash, String userId, Instant now, Instant expiresAt) {
        dsl.insertInto(ADMIN_SESSION)
                .set(ADMIN_SESSION.TOKEN_HASH, tokenHash)
                .set(ADMIN_SESSION.USER_ID, userId)
                .set(ADMIN_SESSION.CREATED_AT, DbTime.of(now))
                .set(ADMIN_SESSION.LAST_SEEN_AT, DbTime.of(now))
                .set(ADMIN_SESSION.EXPIRES_AT, DbTime.of(expiresAt))
                .execute();
    }

    Optional<SessionRow> find(DSLContext dsl, String tokenHash) {
        return dsl.selectFrom(ADMIN_SESSION).where(ADMIN_SESSION.TOKEN_HASH.eq(tokenHash)).fetchOptional()
                .map(r -> new SessionRow(r.getTokenHash(), r.getUserId(), r.getCreatedAt().toInstant(),
                        r.getLastSeenAt().toInstant(), r.getExpiresAt().toInstant()));
    }

    /** Moves last_seen forward (never back: another server may have touched it later). */
    void touch(DSLContext dsl, String tokenHash, Instant now) {
        dsl.update(ADMIN_SESSION)
                .set(ADMIN_SESSION.LAST_SEEN_AT, DbTime.of(now))
                .where(ADMIN_SESSION.TOKEN_HASH.eq(tokenHash))
                .and(ADMIN_SESSION.LAST_SEEN_AT.lt(DbTime.of(now)))
                .execute();
    }

    void delete(DSLContext dsl, String tokenHash) {
        dsl.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    int deleteAllOf(DSLContext dsl, String userId) {
        return dsl.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.USER_ID.eq(userId)).execute();
    }

    /** Sessions past their absolute expiry or idle since {@code idleBefore}. */
    int deleteExpired(DSLContext dsl, Instant now, Instant idleBefore) {
        return dsl.deleteFrom(ADMIN_SESSION)
                .where(ADMIN_SESSION.EXPIRES_AT.le(DbTime.of(now)))
                .or(ADMIN_SESSION.LAST_SEEN_AT.le(DbTime.of(idleBefore)))
                .execute();
    }

    int deleteExpiredOf(DSLContext dsl, String userId, Instant now, Instant idleBefore) {
        return dsl.deleteFrom(ADMIN_SESSION)
                .where(ADMIN_SESSION.USER_ID.eq(userId))
                .and(ADMIN_SESSION.EXPIRES_AT.le(DbTime.of(now)).or(ADMIN_SESSION.LAST_SEEN_AT.le(DbTime.of(idleBefore))))
                .execute();
    }
}
