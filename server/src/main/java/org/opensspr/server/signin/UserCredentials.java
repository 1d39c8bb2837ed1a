package org.opensspr.server.signin;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/** A user's own password facts: the Argon2id hash, whether it must change, locked and enabled flags. */
public final class UserCredentials {

    /** What sign-in needs to know about an account; the hash may be null (no password set here). */
    public record Credential(String userId, String displayName, String passwordHash, boolean mustChange,
                             boolean enabled, boolean locked, boolean onPremises) {
        @Override
        public String toString() {
            return "Credential[userId=" + userId + "]";
        }
    }

    public Optional<Credential> findByUpn(DSLContext dsl, String userPrincipalName) {
        return dsl.selectFrom(DIRECTORY_USER)
                .where(DIRECTORY_USER.UPN_KEY.eq(userPrincipalName.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(r -> new Credential(r.getId(), r.getDisplayName(), r.getPasswordHash(),
                        r.getMustChangePassword(), r.getEnabled(), r.getLocked(), "ON_PREMISES".equals(r.getSource())));
    }

    /** What the new-password rules read of a user: the names a password mustn't contain, and the hash (may be null). */
    public record RuleFacts(String givenName, String surname, String passwordHash) {
        @Override
        public String toString() {
            return "RuleFacts[hash hidden]";
        }
    }

    /** {@link RuleFacts} of the user with this id, in one statement. */
    public Optional<RuleFacts> ruleFacts(DSLContext dsl, String userId) {
        return dsl.select(DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.SURNAME, DIRECTORY_USER.PASSWORD_HASH)
                .from(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(userId))
                .fetchOptional(r -> new RuleFacts(r.value1(), r.value2(), r.value3()));
    }

    /** Sets a new password; a reset or change also clears "must change" and the lock. */
    public void setPassword(DSLContext tx, String userId, String passwordHash, boolean mustChange, Instant now) {
        tx.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.PASSWORD_HASH, passwordHash)
                .set(DIRECTORY_USER.PASSWORD_CHANGED_AT, DbTime.of(now))
                .set(DIRECTORY_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(DIRECTORY_USER.LOCKED, false)
                .set(DIRECTORY_USER.UPDATED_AT, DbTime.of(now))
                .where(DIRECTORY_USER.ID.eq(userId))
                .execute();
    }

    public void unlock(DSLContext tx, String userId, Instant now) {
        tx.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.LOCKED, false)
                .set(DIRECTORY_USER.UPDATED_AT, DbTime.of(now))
                .where(DIRECTORY_USER.ID.eq(userId))
                .execute();
    }

    /** Locks the user's row for the rest of the transaction: concurrent resets of one user run one at a time. */
    public void lockRow(DSLContext tx, String userId) {
        // The key alone: the lock is the point, and every step takes it (a whole row was read and mapped for nothing).
        tx.select(DIRECTORY_USER.ID).from(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(userId)).forUpdate().fetchOptional();
    }

}
