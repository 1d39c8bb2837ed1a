package org.opensspr.server.directory;

import org.jooq.CommonTableExpression;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * many users there are: for questions about everyone at once (what a policy change would do).
 *
 * @param users  enabled users with roles and registrations
 * @param groups nested membership answered in memory
 */
public record DirectorySnapshot(List<DirectoryUser> users, GroupGraph groups) {

    /** How many rows a lazy read asks the database for at a time. */
    private static final int USERS_PER_FETCH = 1_000;

    /** Reads the snapshot in {@code dsl}; run it in one transaction for a consistent view. */
    public static DirectorySnapshot load(DSLContext dsl) {
        return new DirectorySnapshot(List.copyOf(everyEnabledUser(dsl)), new GroupGraph(groups(dsl)));
    }

    /**
     * The enabled users whose ids {@code ids} selects, as the engines see them, with one statement that joins it to
     * their rows and registrations (ADR 31): for questions about a part of the directory (the users a scope covers)
     * without reading the rest of it, and without sending their ids to the database and back. An id may repeat (a
     * member of two groups of the walk): repeats are dropped here, which costs H2 far less than a UNION's sort.
     *
     * @param walk the recursive walk {@code ids} reads from, declared by the statement
     */
    public static List<DirectoryUser> enabledUsersAmong(DSLContext dsl, CommonTableExpression<?> walk,
                                                        Select<? extends Record1<String>> ids) {
        Table<?> candidates = ids.asTable("candidate", "user_id");
        Map<String, Set<Role>> roles = roles(dsl);
        Map<String, UserRow> rows = new LinkedHashMap<>();
        Map<String, Map<AuthMethod.Registration, MethodRegistration>> registrations = new HashMap<>();
        List<Field<?>> columns = new ArrayList<>(userColumns());
        columns.addAll(List.of(METHOD_REGISTRATION.fields()));
        // A user with several registrations comes in several rows; read lazily, so that PostgreSQL's driver
        // does not hold the whole result at once.
        try (Cursor<Record> cursor = dsl.withRecursive(walk).select(columns).from(candidates)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(candidates.field("user_id", String.class)))
                .leftJoin(METHOD_REGISTRATION).on(METHOD_REGISTRATION.USER_ID.eq(DIRECTORY_USER.ID))
                .where(DIRECTORY_USER.ENABLED.isTrue())
                .fetchSize(USERS_PER_FETCH).fetchLazy()) {
            for (Record r : cursor) {
                String id = r.get(DIRECTORY_USER.ID);
                rows.computeIfAbsent(id, k -> DirectoryRepository.toRow(r));
                if (r.get(METHOD_REGISTRATION.USER_ID) != null) {
                    MethodRegistration registration = DirectoryRepository.toRegistration(r.into(METHOD_REGISTRATION));
                    registrations.computeIfAbsent(id, k -> new EnumMap<>(AuthMethod.Registration.class))
                            .putIfAbsent(registration.kind(), registration);
                }
            }
        }
        Map<String, List<MethodRegistration>> registrationLists = new HashMap<>();
        registrations.forEach((id, byKind) -> registrationLists.put(id, List.copyOf(byKind.values())));
        List<DirectoryUser> users = new ArrayList<>(rows.size());
        rows.values().forEach(row -> users.add(user(row, roles, registrationLists)));
        return users;
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
