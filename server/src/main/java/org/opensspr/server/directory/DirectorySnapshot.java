package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * Users as the engines see them, read for questions about many at once: the few a preview lists, and the
 * administrators. No request reads every user whole (at a million users that takes seconds and gigabytes: the preview
 * and the insights read the engines' inputs instead, ADR 32); the tests' {@code WholeDirectory} does, as the reference
 * their agreement tests compare against.
 */
public final class DirectorySnapshot {
    private DirectorySnapshot() {
    }

    /**
     * The enabled users among {@code ids}, as the engines see them: for the few a preview lists (at most a few
     * hundred ids, sent inline).
     */
    public static List<DirectoryUser> enabledUsers(DSLContext dsl, Collection<String> ids) {
        Map<String, Set<Role>> roles = roles(dsl);
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        dsl.selectFrom(METHOD_REGISTRATION).where(METHOD_REGISTRATION.USER_ID.in(ids)).fetch().forEach(r ->
                registrations.computeIfAbsent(r.getUserId(), k -> new ArrayList<>())
                        .add(DirectoryRepository.toRegistration(r)));
        List<DirectoryUser> users = new ArrayList<>();
        dsl.select(userColumns()).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.ID.in(ids).and(DIRECTORY_USER.ENABLED.isTrue())).fetch()
                .forEach(r -> users.add(user(DirectoryRepository.toRow(r), roles, registrations)));
        return users;
    }

    /** The ids of the users with an administrator role (a handful, whatever the directory's size). */
    public static Set<String> administrators(DSLContext dsl) {
        return roles(dsl).keySet();
    }

    /** Everything but the password hash, which no engine needs. */
    static List<Field<?>> userColumns() {
        return Arrays.stream(DIRECTORY_USER.fields()).filter(f -> !f.equals(DIRECTORY_USER.PASSWORD_HASH)).toList();
    }

    /** Every administrator's roles (a handful of rows, whatever the directory's size). */
    static Map<String, Set<Role>> roles(DSLContext dsl) {
        Map<String, Set<Role>> roles = new HashMap<>();
        dsl.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE).fetch().forEach(r ->
                DirectoryRepository.roleNamed(r.value2()).ifPresent(role ->
                        roles.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Role.class)).add(role)));
        return roles;
    }

    static DirectoryUser user(UserRow row, Map<String, Set<Role>> roles,
                              Map<String, List<MethodRegistration>> registrations) {
        return new DirectoryUser(row.id(), row.userPrincipalName(), row.givenName(), row.surname(),
                row.displayName(), row.source(), row.enabled(), row.locked(), row.contact(),
                row.preferredLanguage(), roles.getOrDefault(row.id(), Set.of()),
                row.onPremisesProtected(), registrations.getOrDefault(row.id(), List.of()));
    }
}
