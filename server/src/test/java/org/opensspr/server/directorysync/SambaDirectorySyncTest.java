package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.SqlGroupMembership;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.writeback.SambaDomainController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_OBJECT;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_STATE;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/**
 * Directory sync from a real Samba AD DC ({@link SambaDomainController}) into H2 and PostgreSQL: each test syncs
 * an OU of its own. The scale test (1,000 users) is {@link SambaDirectorySyncScaleTest}.
 */
class SambaDirectorySyncTest {
    private final DirectoryRepository users = new DirectoryRepository();

    @OnBothDatabases
    void aFullSyncTakesUsersNestedGroupsAndAnchorsButNeverACloudUsersUpn(Database db) throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        try (TestOu ou = new TestOu(dc)) {
            String alice = ou.addUser("Alice", "alice-" + ou.tag() + "@test.local",
                    new Attribute("givenName", "Alice"), new Attribute("sn", "Adams"),
                    new Attribute("displayName", "Alice Adams"), new Attribute("mail", "alice@test.local"),
                    new Attribute("mobile", "+41 79 555 01 23"), new Attribute("telephoneNumber", "not a phone"));
            String bobUpn = "bob-" + ou.tag() + "@test.local";
            String bob = ou.addUser("Bob", bobUpn, new Attribute("displayName", "Bob in AD"));
            String carol = ou.addUser("Carol", "carol-" + ou.tag() + "@test.local",
                    new Attribute("userAccountControl", "546"));
            String inner = ou.addGroup("Inner", List.of(carol));
            String outer = ou.addGroup("Outer", List.of(alice, bob, inner));
            Instant now = Instant.parse("2026-12-01T10:00:00Z");
            UserRow cloudBob = new UserRow("cloud-bob", bobUpn, "", "", "Bob in the cloud", UserSource.CLOUD, true,
                    false, ContactInfo.none(), "", false, now, now);
            users.insertUser(db.dsl(), cloudBob);

            try (DirectorySync sync = sync(db, ou)) {
                DirectorySyncRunDto run = sync.runNow("admin@test.local", DirectorySyncMode.FULL, false).orElseThrow();

                assertThat(run.phase()).isEqualTo(DirectorySyncPhase.DONE);
                assertThat(run.usersAdded()).isEqualTo(2);
                assertThat(run.groupsAdded()).isEqualTo(2);
                assertThat(run.conflicts()).isEqualTo(1);
                assertThat(sync.changes(run.id(), 0, 50).items()).filteredOn(c -> c.kind() == DirectorySyncChangeKind.CONFLICT)
                        .extracting(DirectorySyncChangeDto::target).containsExactly(bobUpn);
                assertThat(users.findUser(db.dsl(), "cloud-bob")).contains(cloudBob);
                UserRow a = users.findUserByUpn(db.dsl(), "alice-" + ou.tag() + "@test.local").orElseThrow();
                assertThat(a.source()).isEqualTo(UserSource.ON_PREMISES);
                assertThat(a.displayName()).isEqualTo("Alice Adams");
                assertThat(a.contact()).as("a bad phone number is left out, the rest is taken")
                        .isEqualTo(new ContactInfo("alice@test.local", "", "+41 79 555 01 23", ""));
                assertThat(users.registrations(db.dsl(), a.id())).singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(AuthMethod.Registration.MOBILE_PHONE);
                    assertThat(r.source()).isEqualTo(RegistrationSource.ADMIN_PREFILL);
                });
                UserRow c = users.findUserByUpn(db.dsl(), "carol-" + ou.tag() + "@test.local").orElseThrow();
                assertThat(c.enabled()).as("ACCOUNTDISABLE").isFalse();
                assertThat(anchorOf(db, a.id())).isEqualTo(ou.objectGuid(alice));
                String outerId = db.dsl().select(DIRECTORY_GROUP.ID).from(DIRECTORY_GROUP)
                        .where(DIRECTORY_GROUP.NAME.eq("Outer")).fetchOne(DIRECTORY_GROUP.ID);
                assertThat(anchorOf(db, outerId)).isEqualTo(ou.objectGuid(outer));
                assertThat(new SqlGroupMembership(db.dsl()).usersInScope(List.of(outerId)))
                        .as("Outer holds Alice directly and Carol through Inner; Bob is the cloud user's UPN")
                        .containsExactlyInAnyOrder(a.id(), c.id());
                assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTIVITY.eq("Directory sync"))).isOne();
            }
        }
    }

    @OnBothDatabases
    void aRenamedUserIsTheSameRowAndADeltaOnAnotherDomainControllerRunsFull(Database db) throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        try (TestOu ou = new TestOu(dc); DirectorySync sync = sync(db, ou)) {
            String dave = ou.addUser("Dave", "dave-" + ou.tag() + "@test.local");
            sync.runNow("admin@test.local", DirectorySyncMode.FULL, false).orElseThrow();
            String id = users.findUserByUpn(db.dsl(), "dave-" + ou.tag() + "@test.local").orElseThrow().id();

            ou.replace(dave, "userPrincipalName", "david-" + ou.tag() + "@test.local");
            DirectorySyncRunDto delta = sync.runNow("admin@test.local", DirectorySyncMode.DELTA, false).orElseThrow();

            assertThat(delta.mode()).isEqualTo(DirectorySyncMode.DELTA);
            assertThat(sync.changes(delta.id(), 0, 50).items()).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(DirectorySyncChangeKind.UPDATE_USER);
                assertThat(change.fields()).containsExactly(new FieldChangeDto("userPrincipalName",
                        "dave-" + ou.tag() + "@test.local", "david-" + ou.tag() + "@test.local"));
            });
            assertThat(users.findUser(db.dsl(), id).orElseThrow().userPrincipalName())
                    .isEqualTo("david-" + ou.tag() + "@test.local");

            db.dsl().update(DIRECTORY_SYNC_STATE).set(DIRECTORY_SYNC_STATE.CURSOR_SERVER, "CN=NTDS Settings,CN=DC2")
                    .execute();
            DirectorySyncRunDto afterFailOver = sync.runNow("admin@test.local", DirectorySyncMode.DELTA, false)
                    .orElseThrow();

            assertThat(afterFailOver.mode()).isEqualTo(DirectorySyncMode.FULL);
            assertThat(afterFailOver.note()).contains("per domain controller");
            assertThat(changeCount(afterFailOver)).isZero();
            assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isOne();
        }
    }

    static DirectorySync sync(Database db, TestOu ou) {
        return new DirectorySync(db, Clock.systemUTC(), new AuditLog(db, Clock.systemUTC(), AuditSeals.fixed()),
                DirectorySyncSettings.onDemand(ou.settings()));
    }

    static String anchorOf(Database db, String objectId) {
        return db.dsl().select(DIRECTORY_SYNC_OBJECT.ANCHOR).from(DIRECTORY_SYNC_OBJECT)
                .where(DIRECTORY_SYNC_OBJECT.USER_ID.eq(objectId).or(DIRECTORY_SYNC_OBJECT.GROUP_ID.eq(objectId)))
                .fetchOne(DIRECTORY_SYNC_OBJECT.ANCHOR);
    }

    static int changeCount(DirectorySyncRunDto run) {
        return run.usersAdded() + run.usersUpdated() + run.usersDeleted() + run.groupsAdded() + run.groupsUpdated()
                + run.groupsDeleted() + run.membersAdded() + run.membersRemoved() + run.conflicts() + run.skipped();
    }
}
