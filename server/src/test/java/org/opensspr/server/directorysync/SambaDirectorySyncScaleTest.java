package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.writeback.SambaDomainController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_OBJECT;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;

/**
 * 1,000 users and nested groups in an OU of a real Samba AD DC: a full sync lands exactly them, then a delta after
 * 10 modifications (a UPN rename and a disabled account among them), 5 deletions, 5 additions and a member moved
 * between groups applies exactly those, reading a few dozen entries instead of a thousand; a dry run of that
 * delta first writes nothing and lists the same changes. Times go to target/directory-sync-costs.txt.
 */
class SambaDirectorySyncScaleTest {
    private static final int USERS = 1_000;

    @Test
    void aFullSyncOfAThousandUsersThenADeltaAppliesExactlyTheChangesMade() throws LDAPException, IOException {
        SambaDomainController dc = SambaDomainController.shared();
        try (Database db = TestDatabases.H2.fresh(); TestOu ou = new TestOu(dc);
             DirectorySync sync = SambaDirectorySyncTest.sync(db, ou)) {
            long creating = System.nanoTime();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                names.add("User" + i);
            }
            List<String> dns = ou.addUsers(names, i -> new Attribute[] {
                    new Attribute("userPrincipalName", upn(ou, i)), new Attribute("givenName", "Given" + i),
                    new Attribute("sn", "Sur" + i), new Attribute("displayName", "User " + i),
                    new Attribute("mail", "user" + i + "@test.local"),
                    new Attribute("mobile", "+41 79 555 " + String.format("%04d", i))});
            String groupA = ou.addGroup("GroupA", dns.subList(0, 400));
            String groupB = ou.addGroup("GroupB", dns.subList(400, 800));
            String parent = ou.addGroup("Parent", List.of(groupA, groupB, dns.get(800)));
            ou.addGroup("Grand", List.of(parent));
            long created = System.nanoTime();

            DirectorySyncRunDto full = sync.runNow("admin@test.local", DirectorySyncMode.FULL, false).orElseThrow();
            long fullDone = System.nanoTime();

            assertThat(full.phase()).isEqualTo(DirectorySyncPhase.DONE);
            assertThat(full.usersAdded()).isEqualTo(USERS);
            assertThat(full.groupsAdded()).isEqualTo(4);
            assertThat(full.membersAdded()).isEqualTo(801 + 3);
            assertThat(full.conflicts() + full.skipped() + full.usersUpdated() + full.usersDeleted()).isZero();
            assertThat(full.entriesRead()).isEqualTo(USERS + 4);
            assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(USERS);
            assertThat(db.dsl().fetchCount(DIRECTORY_GROUP)).isEqualTo(4);
            assertThat(db.dsl().fetchCount(DIRECTORY_SYNC_OBJECT)).isEqualTo(USERS + 4);
            assertThat(db.dsl().fetchCount(GROUP_USER_MEMBER)).isEqualTo(801);
            assertThat(groupMembers(db)).containsExactlyInAnyOrder("Parent>GroupA", "Parent>GroupB", "Grand>Parent");
            assertThat(db.dsl().fetchCount(METHOD_REGISTRATION)).as("each mobile pre-fills a method").isEqualTo(USERS);
            assertThat(SambaDirectorySyncTest.anchorOf(db, user(db, upn(ou, 7)).id())).isEqualTo(ou.objectGuid(dns.get(7)));

            ou.replace(dns.get(0), "userPrincipalName", "renamed-" + upn(ou, 0));
            ou.replace(dns.get(1), "userAccountControl", "546");
            for (int i = 2; i < 10; i++) {
                ou.replace(dns.get(i), "displayName", "Changed " + i);
            }
            for (int i = 10; i < 15; i++) {
                ou.delete(dns.get(i));
            }
            for (int i = USERS; i < USERS + 5; i++) {
                ou.addUser("User" + i, upn(ou, i));
            }
            ou.removeMember(groupB, dns.get(500));
            ou.addMember(groupA, dns.get(500));
            String renamedId = user(db, upn(ou, 0)).id();
            Map<String, Integer> before = tableCounts(db);

            DirectorySyncRunDto dry = sync.runNow("admin@test.local", DirectorySyncMode.DELTA, true).orElseThrow();

            assertThat(dry.mode()).isEqualTo(DirectorySyncMode.DELTA);
            assertThat(tableCounts(db)).as("a dry run writes nothing").isEqualTo(before);
            List<DirectorySyncChangeDto> planned = sync.changes(dry.id(), 0, 200).items();

            long deltaStarted = System.nanoTime();
            DirectorySyncRunDto delta = sync.runNow("admin@test.local", DirectorySyncMode.DELTA, false).orElseThrow();
            long deltaDone = System.nanoTime();

            assertThat(delta.mode()).isEqualTo(DirectorySyncMode.DELTA);
            List<DirectorySyncChangeDto> applied = sync.changes(delta.id(), 0, 200).items();
            assertThat(applied).containsExactlyInAnyOrderElementsOf(planned);
            assertThat(count(applied)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    DirectorySyncChangeKind.UPDATE_USER, 10L, DirectorySyncChangeKind.DELETE_USER, 5L,
                    DirectorySyncChangeKind.ADD_USER, 5L, DirectorySyncChangeKind.ADD_MEMBER, 1L,
                    DirectorySyncChangeKind.REMOVE_MEMBER, 1L));
            assertThat(applied).filteredOn(c -> c.kind() == DirectorySyncChangeKind.UPDATE_USER
                    && c.target().equals("renamed-" + upn(ou, 0))).singleElement()
                    .extracting(DirectorySyncChangeDto::fields).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly(new FieldChangeDto("userPrincipalName", upn(ou, 0), "renamed-" + upn(ou, 0)));
            assertThat(applied).filteredOn(c -> c.kind() == DirectorySyncChangeKind.ADD_MEMBER).singleElement()
                    .satisfies(c -> assertThat(c.target() + " " + c.detail()).isEqualTo("GroupA user " + upn(ou, 500)));
            assertThat(delta.entriesRead()).as("changed users and groups and 5 tombstones, not the directory")
                    .isBetween(22, 60);
            assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(USERS);
            assertThat(user(db, "renamed-" + upn(ou, 0)).id()).as("a rename keeps the row").isEqualTo(renamedId);
            assertThat(user(db, upn(ou, 1)).enabled()).isFalse();
            assertThat(user(db, upn(ou, 2)).displayName()).isEqualTo("Changed 2");
            assertThat(new DirectoryRepository().findUserByUpn(db.dsl(), upn(ou, 10))).isEmpty();
            assertThat(user(db, upn(ou, USERS + 4)).enabled()).isTrue();
            assertThat(db.dsl().fetchCount(GROUP_USER_MEMBER)).isEqualTo(801 - 5);
            assertThat(groupsOf(db, user(db, upn(ou, 500)).id())).containsExactly("GroupA");
            assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTIVITY.eq("Directory sync")))
                    .as("the full and the real delta, not the dry run").isEqualTo(2);

            String costs = String.format("Directory sync, %d users: created in %d ms over one connection (pipelined); full sync"
                            + " %d ms reading %d entries; delta %d ms reading %d entries%n", USERS,
                    (created - creating) / 1_000_000, (fullDone - created) / 1_000_000, full.entriesRead(),
                    (deltaDone - deltaStarted) / 1_000_000, delta.entriesRead());
            System.out.print(costs);
            Files.writeString(Path.of("target", "directory-sync-costs.txt"), java.time.Instant.now() + " " + costs,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String upn(TestOu ou, int i) {
        return "user" + i + "-" + ou.tag() + "@test.local";
    }

    private static UserRow user(Database db, String upn) {
        return new DirectoryRepository().findUserByUpn(db.dsl(), upn).orElseThrow();
    }

    private static Map<String, Integer> tableCounts(Database db) {
        return Map.of("users", db.dsl().fetchCount(DIRECTORY_USER), "groups", db.dsl().fetchCount(DIRECTORY_GROUP),
                "userMembers", db.dsl().fetchCount(GROUP_USER_MEMBER),
                "groupMembers", db.dsl().fetchCount(GROUP_GROUP_MEMBER),
                "anchors", db.dsl().fetchCount(DIRECTORY_SYNC_OBJECT),
                "registrations", db.dsl().fetchCount(METHOD_REGISTRATION),
                "audit", db.dsl().fetchCount(AUDIT_EVENT),
                "disabled", db.dsl().fetchCount(DIRECTORY_USER, DIRECTORY_USER.ENABLED.isFalse()),
                "changedNames", db.dsl().fetchCount(DIRECTORY_USER, DIRECTORY_USER.DISPLAY_NAME.like("Changed%")));
    }

    private static Map<DirectorySyncChangeKind, Long> count(List<DirectorySyncChangeDto> changes) {
        return changes.stream().collect(Collectors.groupingBy(DirectorySyncChangeDto::kind, Collectors.counting()));
    }

    private static List<String> groupMembers(Database db) {
        var outer = DIRECTORY_GROUP.as("outer_group");
        var inner = DIRECTORY_GROUP.as("inner_group");
        return db.dsl().select(outer.NAME, inner.NAME).from(GROUP_GROUP_MEMBER)
                .join(outer).on(outer.ID.eq(GROUP_GROUP_MEMBER.GROUP_ID))
                .join(inner).on(inner.ID.eq(GROUP_GROUP_MEMBER.MEMBER_GROUP_ID))
                .fetch(r -> r.value1() + ">" + r.value2());
    }

    private static List<String> groupsOf(Database db, String userId) {
        return db.dsl().select(DIRECTORY_GROUP.NAME).from(GROUP_USER_MEMBER)
                .join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(GROUP_USER_MEMBER.GROUP_ID))
                .where(GROUP_USER_MEMBER.USER_ID.eq(userId)).fetch(DIRECTORY_GROUP.NAME);
    }
}
