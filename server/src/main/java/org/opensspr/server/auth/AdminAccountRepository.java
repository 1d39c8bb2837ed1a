package org.opensspr.server.auth;

import org.opensspr.server.db.DbTime;
import org.opensspr.server.directory.NameKey;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.opensspr.server.db.Tables.ADMIN_CREDENTIAL;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.USER_ROLE;

/** Administrator accounts: a directory user with roles and a row of {@code admin_credential}. */
final class AdminAccountRepository {

    Optional<AdminLogin> findByUpnKey(DSLContext dsl, String upnKey) {
        return find(dsl, DIRECTORY_USER.UPN_KEY.eq(upnKey));
    }

    Optional<AdminLogin> findById(DSLContext dsl, String userId) {
        return find(dsl, DIRECTORY_USER.ID.eq(userId));
    }

    private Optional<AdminLogin> find(DSLContext dsl, Condition which) {
        Record row = dsl.select(DIRECTORY_USER.ID, DIRECTORY_USER.UPN, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.SURNAME, DIRECTORY_USER.ENABLED,
                        ADMIN_CREDENTIAL.PASSWORD_HASH, ADMIN_CREDENTIAL.TOTP_SECRET, ADMIN_CREDENTIAL.TOTP_LAST_STEP)
                .from(DIRECTORY_USER)
                .join(ADMIN_CREDENTIAL).on(ADMIN_CREDENTIAL.USER_ID.eq(DIRECTORY_USER.ID))
                .where(which)
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        String userId = row.get(DIRECTORY_USER.ID);
        return Optional.of(new AdminLogin(userId, row.get(DIRECTORY_USER.UPN), row.get(DIRECTORY_USER.DISPLAY_NAME),
                row.get(DIRECTORY_USER.GIVEN_NAME), row.get(DIRECTORY_USER.SURNAME), row.get(DIRECTORY_USER.ENABLED),
                row.get(ADMIN_CREDENTIAL.PASSWORD_HASH), row.get(ADMIN_CREDENTIAL.TOTP_SECRET),
                row.get(ADMIN_CREDENTIAL.TOTP_LAST_STEP), roles(dsl, userId)));
    }

    /** The user's roles; a role name this build doesn't know is skipped, never fatal. */
    Set<Role> roles(DSLContext dsl, String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId))
                .fetch(USER_ROLE.ROLE)) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException newerRole) {
                // written by a newer server; it grants nothing here
            }
        }
        return roles;
    }

    boolean upnTaken(DSLContext dsl, String upnKey) {
        return dsl.fetchExists(DIRECTORY_USER, DIRECTORY_USER.UPN_KEY.eq(upnKey));
    }

    void insertUser(DSLContext dsl, String userId, NewAdministrator admin, Instant now) {
        dsl.insertInto(DIRECTORY_USER)
                .set(DIRECTORY_USER.ID, userId)
                .set(DIRECTORY_USER.UPN, admin.userPrincipalName())
                .set(DIRECTORY_USER.UPN_KEY, admin.upnKey())
                .set(DIRECTORY_USER.GIVEN_NAME, admin.givenName())
                .set(DIRECTORY_USER.SURNAME, admin.surname())
                .set(DIRECTORY_USER.DISPLAY_NAME, admin.displayName())
                .set(DIRECTORY_USER.GIVEN_NAME_KEY, NameKey.name(admin.givenName()))
                .set(DIRECTORY_USER.SURNAME_KEY, NameKey.name(admin.surname()))
                .set(DIRECTORY_USER.DISPLAY_NAME_KEY, NameKey.displayName(admin.displayName()))
                .set(DIRECTORY_USER.SOURCE, UserSource.CLOUD.name())
                .set(DIRECTORY_USER.ENABLED, true)
                .set(DIRECTORY_USER.CREATED_AT, DbTime.of(now))
                .set(DIRECTORY_USER.UPDATED_AT, DbTime.of(now))
                .execute();
    }

    void insertRoles(DSLContext dsl, String userId, Collection<Role> roles) {
        for (Role role : roles) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role.name()).execute();
        }
    }

    void insertCredential(DSLContext dsl, String userId, String passwordHash, String sealedTotpSecret, Instant now) {
        dsl.insertInto(ADMIN_CREDENTIAL)
                .set(ADMIN_CREDENTIAL.USER_ID, userId)
                .set(ADMIN_CREDENTIAL.PASSWORD_HASH, passwordHash)
                .set(ADMIN_CREDENTIAL.TOTP_SECRET, sealedTotpSecret)
                .set(ADMIN_CREDENTIAL.TOTP_LAST_STEP, 0L)
                .set(ADMIN_CREDENTIAL.PASSWORD_CHANGED_AT, DbTime.of(now))
                .set(ADMIN_CREDENTIAL.CREATED_AT, DbTime.of(now))
                .execute();
    }

    /**
     * Accepts a TOTP step only if it is later than the last accepted one; an atomic compare-and-set,
     * so two servers can't both accept the same code.
     */
    boolean acceptTotpStep(DSLContext dsl, String userId, long step) {
        return dsl.update(ADMIN_CREDENTIAL)
                .set(ADMIN_CREDENTIAL.TOTP_LAST_STEP, step)
                .where(ADMIN_CREDENTIAL.USER_ID.eq(userId))
                .and(ADMIN_CREDENTIAL.TOTP_LAST_STEP.lt(step))
                .execute() == 1;
    }

    void updatePasswordHash(DSLContext dsl, String userId, String passwordHash, Instant now) {
        dsl.update(ADMIN_CREDENTIAL)
                .set(ADMIN_CREDENTIAL.PASSWORD_HASH, passwordHash)
                .set(ADMIN_CREDENTIAL.PASSWORD_CHANGED_AT, DbTime.of(now))
                .where(ADMIN_CREDENTIAL.USER_ID.eq(userId))
                .execute();
    }

    /** Replaces the hash after a successful sign-in with an outdated cost; keeps password_changed_at. */
    void rehashPassword(DSLContext dsl, String userId, String oldHash, String newHash) {
        dsl.update(ADMIN_CREDENTIAL)
                .set(ADMIN_CREDENTIAL.PASSWORD_HASH, newHash)
                .where(ADMIN_CREDENTIAL.USER_ID.eq(userId))
                .and(ADMIN_CREDENTIAL.PASSWORD_HASH.eq(oldHash))
                .execute();
    }
}
