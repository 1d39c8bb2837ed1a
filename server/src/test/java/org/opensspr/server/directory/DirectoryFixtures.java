package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;

import java.time.Instant;

/** Rows for tests, written straight through the repositories. */
final class DirectoryFixtures {
    static final Instant T0 = Instant.parse("2026-11-03T10:15:30.123456Z");

    private final DirectoryRepository users = new DirectoryRepository();
    private final GroupRepository groups = new GroupRepository();

    static UserRow user(String id, String upn) {
        return new UserRow(id, upn, "", "", upn, UserSource.CLOUD, true, false, ContactInfo.none(), "", false, T0, T0);
    }

    void addUser(DSLContext dsl, String id) {
        users.insertUser(dsl, user(id, id + "@contoso.example"));
    }

    void addGroup(DSLContext dsl, String id) {
        groups.insertGroup(dsl, new GroupRow(id, "Group " + id, "", T0));
    }

    void addUserMember(DSLContext dsl, String groupId, String userId) {
        groups.addUserMember(dsl, groupId, userId);
    }

    void addGroupMember(DSLContext dsl, String groupId, String memberGroupId) {
        groups.addGroupMember(dsl, groupId, memberGroupId);
    }
}
