package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.SqlGroupMembership;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.writeback.LdapConnections;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.TestDirectory;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/**
 * The OpenLDAP reader against UnboundID's in-memory directory (it keeps entryUUID and modifyTimestamp and pages
 * results as slapd does; a real slapd fixture is still to come): UPNs from uid and the configured suffix,
 * ppolicy's administrative lock as disabled, groupOfNames nesting, a delta by modifyTimestamp, and deletions
 * seen by a full sync only.
 */
class OpenLdapDirectorySyncTest {
    private final DirectoryRepository users = new DirectoryRepository();

    @OnBothDatabases
    void aFullSyncThenADeltaByModifyTimestampAndDeletionsAtTheNextFullSync(Database db) throws LDAPException {
        try (TestDirectory directory = TestDirectory.plain()) {
            LdapSettings settings = LdapSettings.openLdap(List.of(directory.url()), TestDirectory.SERVICE_DN,
                    TestDirectory.SERVICE_PASSWORD, TestDirectory.BASE_DN);
            String alice = directory.addUser("alice", "", "Alice-Pw-1", new Attribute("displayName", "Alice Adams"),
                    new Attribute("mail", "alice@example.test"), new Attribute("mobile", "+41 79 555 01 23"));
            String bob = directory.addUser("bob", "", "Bob-Pw-1",
                    new Attribute("pwdAccountLockedTime", OpenLdapReader.LOCKED_BY_ADMINISTRATOR));
            try (LdapConnections connections = new LdapConnections(settings);
                 DirectorySync sync = new DirectorySync(db, Clock.systemUTC(),
                         new AuditLog(db, Clock.systemUTC(), AuditSeals.fixed()),
                         new DirectorySyncSettings(settings, null, "example.test"))) {
                LDAPConnection admin = connections.borrow();
                String admins = "cn=admins,ou=people," + TestDirectory.BASE_DN;
                admin.add(admins, new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", "admins"),
                        new Attribute("member", bob));
                admin.add("cn=staff,ou=people," + TestDirectory.BASE_DN, new Attribute("objectClass", "top",
                        "groupOfNames"), new Attribute("cn", "staff"), new Attribute("member", alice, admins));

                DirectorySyncRunDto full = sync.runNow("admin@example.test", DirectorySyncMode.FULL, false).orElseThrow();

                assertThat(full.usersAdded()).isEqualTo(2);
                assertThat(full.groupsAdded()).isEqualTo(2);
                UserRow a = users.findUserByUpn(db.dsl(), "alice@example.test").orElseThrow();
                UserRow b = users.findUserByUpn(db.dsl(), "bob@example.test").orElseThrow();
                assertThat(a.displayName()).isEqualTo("Alice Adams");
                assertThat(a.contact().mobilePhone()).isEqualTo("+41 79 555 01 23");
                assertThat(b.enabled()).as("pwdAccountLockedTime=000001010000Z").isFalse();
                String staff = db.dsl().select(DIRECTORY_GROUP.ID).from(DIRECTORY_GROUP)
                        .where(DIRECTORY_GROUP.NAME.eq("staff")).fetchOne(DIRECTORY_GROUP.ID);
                assertThat(new SqlGroupMembership(db.dsl()).usersInScope(List.of(staff)))
                        .containsExactlyInAnyOrder(a.id(), b.id());

                admin.modify(alice, new Modification(ModificationType.REPLACE, "displayName", "Alice Brown"));
                admin.delete(bob);
                DirectorySyncRunDto delta = sync.runNow("admin@example.test", DirectorySyncMode.DELTA, false)
                        .orElseThrow();

                assertThat(delta.mode()).isEqualTo(DirectorySyncMode.DELTA);
                assertThat(delta.entriesRead()).isLessThan(full.entriesRead());
                assertThat(sync.changes(delta.id(), 0, 10).items()).singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(DirectorySyncChangeKind.UPDATE_USER);
                    assertThat(c.fields()).containsExactly(new FieldChangeDto("displayName", "Alice Adams",
                            "Alice Brown"));
                });
                assertThat(db.dsl().fetchCount(DIRECTORY_USER)).as("no tombstones: bob stays until a full sync")
                        .isEqualTo(2);

                DirectorySyncRunDto again = sync.runNow("admin@example.test", DirectorySyncMode.FULL, false)
                        .orElseThrow();

                assertThat(again.usersDeleted()).isOne();
                assertThat(users.findUser(db.dsl(), b.id())).isEmpty();
                connections.release(admin, true);
            }
        }
    }
}
