package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;

import java.util.ArrayList;
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

/**
 * Every enabled user as the engines see them, and the whole group graph answered in memory: the reference the
 * agreement tests compare the server's reads of the engines' inputs against (ADR 32). The server itself never loads
 * it (at a million users it takes seconds and gigabytes).
 *
 * @param users  enabled users with roles and registrations
 * @param groups nested membership answered in memory
 */
public record WholeDirectory(List<DirectoryUser> users, GroupGraph groups) {

    /** Reads everything in {@code dsl}; run it in one transaction for a consistent view. */
    public static WholeDirectory load(DSLContext dsl) {
        return new WholeDirectory(List.copyOf(everyEnabledUser(dsl)), new GroupGraph(groups(dsl)));
    }

    private static List<DirectoryUser> everyEnabledUser(DSLContext dsl) {
        Map<String, Set<Role>> roles = DirectorySnapshot.roles(dsl);
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        dsl.selectFrom(METHOD_REGISTRATION).fetch().forEach(r -> registrations
                .computeIfAbsent(r.getUserId(), k -> new ArrayList<>()).add(DirectoryRepository.toRegistration(r)));
        List<DirectoryUser> users = new ArrayList<>();
        dsl.select(DirectorySnapshot.userColumns()).from(DIRECTORY_USER).where(DIRECTORY_USER.ENABLED.isTrue()).fetch()
                .forEach(r -> users.add(DirectorySnapshot.user(DirectoryRepository.toRow(r), roles, registrations)));
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
