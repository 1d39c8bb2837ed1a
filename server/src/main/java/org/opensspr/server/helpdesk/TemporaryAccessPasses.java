package org.opensspr.server.helpdesk;

import org.jooq.DSLContext;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.db.tables.records.TemporaryAccessPassRecord;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static org.opensspr.server.db.Tables.TEMPORARY_ACCESS_PASS;

/**
 * The stored Temporary Access Passes (docs/design.md §18): one row per user, the pass only as an Argon2id hash
 * made by the caller outside any transaction. Every method takes the caller's transaction.
 */
public final class TemporaryAccessPasses {
    /** Typed at a kiosk from a phone call: no characters that read alike (0/O, 1/l/I), no shifted symbols. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final RandomGenerator random;

    public TemporaryAccessPasses() {
        this(new SecureRandom());
    }

    TemporaryAccessPasses(RandomGenerator random) {
        this.random = random;
    }

    /** A stored pass; {@code hash} is the Argon2id PHC string. */
    public record Stored(String userId, String hash, boolean oneTime, String issuedBy, Instant createdAt,
                         Instant expiresAt, Instant usedAt) {
        public boolean usableAt(Instant now) {
            return now.isBefore(expiresAt) && !(oneTime && usedAt != null);
        }

        TemporaryAccessPassDto view(String pass, Instant now) {
            return new TemporaryAccessPassDto(pass, oneTime, issuedBy, createdAt, expiresAt, usedAt, usableAt(now));
        }

        @Override
        public String toString() {
            return "Stored[userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public String newPass(int length) {
        StringBuilder pass = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            pass.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return pass.toString();
    }

    public Optional<Stored> find(DSLContext tx, String userId) {
        return tx.selectFrom(TEMPORARY_ACCESS_PASS).where(TEMPORARY_ACCESS_PASS.USER_ID.eq(userId))
                .fetchOptional(TemporaryAccessPasses::stored);
    }

    /** Stores the user's pass, replacing any earlier one (one per user). */
    public void put(DSLContext tx, Stored pass) {
        tx.deleteFrom(TEMPORARY_ACCESS_PASS).where(TEMPORARY_ACCESS_PASS.USER_ID.eq(pass.userId())).execute();
        tx.insertInto(TEMPORARY_ACCESS_PASS)
                .set(TEMPORARY_ACCESS_PASS.USER_ID, pass.userId())
                .set(TEMPORARY_ACCESS_PASS.PASS_HASH, pass.hash())
                .set(TEMPORARY_ACCESS_PASS.ONE_TIME, pass.oneTime())
                .set(TEMPORARY_ACCESS_PASS.ISSUED_BY, pass.issuedBy())
                .set(TEMPORARY_ACCESS_PASS.CREATED_AT, DbTime.of(pass.createdAt()))
                .set(TEMPORARY_ACCESS_PASS.EXPIRES_AT, DbTime.of(pass.expiresAt()))
                .execute();
    }

    public boolean remove(DSLContext tx, String userId) {
        return tx.deleteFrom(TEMPORARY_ACCESS_PASS).where(TEMPORARY_ACCESS_PASS.USER_ID.eq(userId)).execute() == 1;
    }

    /** Removes this very pass (not one issued since); false when it was already gone. */
    public boolean remove(DSLContext tx, Stored pass) {
        return tx.deleteFrom(TEMPORARY_ACCESS_PASS).where(TEMPORARY_ACCESS_PASS.USER_ID.eq(pass.userId()),
                TEMPORARY_ACCESS_PASS.PASS_HASH.eq(pass.hash())).execute() == 1;
    }

    /**
     * Records a sign-in with the pass: a one-time pass is spent here, once — a second sign-in racing the
     * first finds it spent and fails. Answers whether the pass was still usable.
     */
    public boolean use(DSLContext tx, String userId, String hash, Instant now) {
        return tx.update(TEMPORARY_ACCESS_PASS).set(TEMPORARY_ACCESS_PASS.USED_AT, DbTime.of(now))
                .where(TEMPORARY_ACCESS_PASS.USER_ID.eq(userId), TEMPORARY_ACCESS_PASS.PASS_HASH.eq(hash),
                        TEMPORARY_ACCESS_PASS.EXPIRES_AT.gt(DbTime.of(now)),
                        TEMPORARY_ACCESS_PASS.ONE_TIME.isFalse().or(TEMPORARY_ACCESS_PASS.USED_AT.isNull()))
                .execute() == 1;
    }

    /** Passes no longer usable at {@code now} (expired, or one-time and used), for housekeeping to audit and drop. */
    public List<Stored> ended(DSLContext tx, Instant now, int limit) {
        return tx.selectFrom(TEMPORARY_ACCESS_PASS)
                .where(TEMPORARY_ACCESS_PASS.EXPIRES_AT.le(DbTime.of(now))
                        .or(TEMPORARY_ACCESS_PASS.ONE_TIME.isTrue().and(TEMPORARY_ACCESS_PASS.USED_AT.isNotNull())))
                .orderBy(TEMPORARY_ACCESS_PASS.EXPIRES_AT).limit(limit)
                .fetch(TemporaryAccessPasses::stored);
    }

    private static Stored stored(TemporaryAccessPassRecord r) {
        return new Stored(r.getUserId(), r.getPassHash(), r.getOneTime(), r.getIssuedBy(),
                DbTime.instant(r.getCreatedAt()), DbTime.instant(r.getExpiresAt()),
                r.getUsedAt() == null ? null : DbTime.instant(r.getUsedAt()));
    }
}
