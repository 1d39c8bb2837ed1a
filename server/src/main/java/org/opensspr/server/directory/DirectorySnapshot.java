package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * Every enabled user as the engines see them, and the whole group graph, read with six queries however
 * many users there are. No request loads it whole any more (at a million users it takes seconds and gigabytes: the
 * preview and the insights read the engines' inputs instead, ADR 32); it is what their agreement tests compare
 * against. A request reads the few users it lists ({@link #enabledUsers}) and the administrators.
 *
 * @param users  enabled users with roles and registrations
 * @param groups nested membership answered in memory
 */
public record DirectorySnapshot(List<DirectoryUser> users, GroupGraph groups) {

    /** Reads the snapshot in {@code dsl}; run it in one transaction for a consistent view. */
    public static DirectorySnapshot load(DSLContext dsl) {
        return new DirectorySnapshot(List.copyOf(everyEnabledUser(dsl)), new GroupGraph(groups(dsl)));
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

    /** Every enabled user, with their roles and registrations. */
    private static List<DirectoryUser> everyEnabledUser(DSLContext dsl) {
        Map<String, Set<Role>> roles = roles(dsl);
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        dsl.selectFrom(METHOD_REGISTRATION).fetch().forEach(r -> registrations
                .computeIfAbsent(r.getUserId(), k -> new ArrayList<>()).add(DirectoryRepository.toRegistration(r)));
        List<DirectoryUser> users = new ArrayList<>();
        dsl.select(userColumns()).from(DIRECTORY_USER).where(DIRECTORY_USER.ENABLED.isTrue()).fetch()
                .forEach(r -> users.add(user(DirectoryRepository.toRow(r), roles, registrations)));
        return users;
    }

    /** Everything but the password hash, which no engine needs. */
    private static List<Field<?>> userColumns() {
        return Arrays.stream(DIRECTORY_USER.fields()).filter(f -> !f.equals(DIRECTORY_USER.PASSWORD_HASH)).toList();
    }

    /** Every administrator's roles (a handful of rows, whatever the directory's size). */
    private static Map<String, Set<Role>> roles(DSLContext dsl) {
        Map<String, Set<Role>> roles = new HashMap<>();
        dsl.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE).fetch().forEach(r ->
                DirectoryRepository.roleNamed(r.value2()).ifPresent(role ->
                        roles.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Role.class)).add(role)));
        return roles;
    }

    private static DirectoryUser user(UserRow row, Map<String, Set<Role>> roles,
                                      Map<String, List<MethodRegistration>> registrations) {
        return new DirectoryUser(row.id(), row.userPrincipalName(), row.givenName(), row.surname(),
                row.displayName(), row.source(), row.enabled(), row.locked(), row.contact(),
                row.preferredLanguage(), roles.getOrDefault(row.id(), Set.of()),
                row.onPremisesProtected(), registrations.getOrDefault(row.id(), List.of()));
    }

    private static List<Group> groups(DSLContext dsl) {
        Map<String, Set<String>> userMembers = new HashMap<>();
        dsl.select(GROUP_USER_MEMBER.GROUP_ID, GROUP_USER_MEMBER.USER_ID).from(GROUP_USER_MEMBER).fetch().forEach(r ->
                userMembers.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        Map<String, Set<String>> groupMembers = new HashMap<>();
        dsl.select(GROUP_GROUP_MEMBER.GROUP_ID, GROUP_GROUP_MEMBER.MEMBER_GROUP_ID).from(GROUP_GROUP_MEMBER).fetch()
                .forEach(r -> groupMembers.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        return dsl.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.NAME).from(DIRECTORY_GROUP).fetch(r -> new Group(
                r.value1(), r.value2(), userMembers.get(r.value1()), groupMembers.get(r.value1())));
    }
}
