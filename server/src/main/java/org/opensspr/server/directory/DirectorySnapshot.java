package org.opensspr.server.directory;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.opensspr.server.db.InlinedStatements;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * many users there are: for questions about everyone at once (what a policy change would do).
 *
 * @param users  enabled users with roles and registrations
 * @param groups nested membership answered in memory
 */
public record DirectorySnapshot(List<DirectoryUser> users, GroupGraph groups) {

    /** How many users {@link #enabledUsers} reads with one statement. */
    static final int USERS_PER_READ = 1_000;

    /** Reads the snapshot in {@code dsl}; run it in one transaction for a consistent view. */
    public static DirectorySnapshot load(DSLContext dsl) {
        return new DirectorySnapshot(List.copyOf(users(dsl, null)), new GroupGraph(groups(dsl)));
    }

    /**
     * The enabled users among {@code ids} as the engines see them, read {@value #USERS_PER_READ} at a time by id:
     * for questions about a part of the directory (the users a scope covers), without reading the rest of it.
     */
    public static List<DirectoryUser> enabledUsers(DSLContext dsl, Collection<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        List<DirectoryUser> users = new ArrayList<>();
        DSLContext inlined = InlinedStatements.of(dsl);
        for (int from = 0; from < sorted.size(); from += USERS_PER_READ) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + USERS_PER_READ));
            users.addAll(users(inlined, chunk));
        }
        return List.copyOf(users);
    }

    /** The enabled users {@code ids} selects (all of them when null), with their roles and registrations. */
    private static List<DirectoryUser> users(DSLContext dsl, List<String> ids) {
        Condition which = ids == null ? DSL.noCondition() : DIRECTORY_USER.ID.in(ids);
        Condition roleOf = ids == null ? DSL.noCondition() : USER_ROLE.USER_ID.in(ids);
        Condition registrationOf = ids == null ? DSL.noCondition() : METHOD_REGISTRATION.USER_ID.in(ids);
        Map<String, Set<Role>> roles = new HashMap<>();
        dsl.select(USER_ROLE.USER_ID, USER_ROLE.ROLE).from(USER_ROLE).where(roleOf).fetch().forEach(r ->
                DirectoryRepository.roleNamed(r.value2()).ifPresent(role ->
                        roles.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Role.class)).add(role)));
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        dsl.selectFrom(METHOD_REGISTRATION).where(registrationOf).fetch().forEach(r -> registrations
                .computeIfAbsent(r.getUserId(), k -> new ArrayList<>()).add(DirectoryRepository.toRegistration(r)));
        List<DirectoryUser> users = new ArrayList<>();
        // Everything but the password hash, which no engine needs.
        List<org.jooq.Field<?>> columns = java.util.Arrays.stream(DIRECTORY_USER.fields())
                .filter(f -> !f.equals(DIRECTORY_USER.PASSWORD_HASH)).toList();
        dsl.select(columns).from(DIRECTORY_USER).where(DIRECTORY_USER.ENABLED.isTrue()).and(which).fetch()
                .forEach(r -> {
                    UserRow row = DirectoryRepository.toRow(r);
                    users.add(new DirectoryUser(row.id(), row.userPrincipalName(), row.givenName(), row.surname(),
                            row.displayName(), row.source(), row.enabled(), row.locked(), row.contact(),
                            row.preferredLanguage(), roles.getOrDefault(row.id(), Set.of()),
                            row.onPremisesProtected(), registrations.getOrDefault(row.id(), List.of())));
                });
        return users;
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
