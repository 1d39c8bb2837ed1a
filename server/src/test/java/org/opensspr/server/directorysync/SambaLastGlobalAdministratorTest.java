package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.directory.Role;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.writeback.SambaDomainController;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync never leaves the organization without an enabled Global administrator, as an administrator's delete
 * can't: the last one, deleted or disabled in the directory, is kept and reported as a conflict.
 */
class SambaLastGlobalAdministratorTest {

    @Test
    void theLastEnabledGlobalAdministratorIsKeptWhenTheDirectoryDeletesThem() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        DirectoryRepository users = new DirectoryRepository();
        try (Database db = TestDatabases.H2.fresh(); TestOu ou = new TestOu(dc);
             DirectorySync sync = SambaDirectorySyncTest.sync(db, ou)) {
            String upn = "root-" + ou.tag() + "@test.local";
            String root = ou.addUser("Root", upn);
            sync.runNow("admin@test.local", DirectorySyncMode.FULL, false).orElseThrow();
            UserRow admin = users.findUserByUpn(db.dsl(), upn).orElseThrow();
            users.insertRoles(db.dsl(), Map.of(admin.id(), Set.of(Role.GLOBAL_ADMINISTRATOR)));

            ou.delete(root);
            DirectorySyncRunDto delta = sync.runNow("admin@test.local", DirectorySyncMode.DELTA, false).orElseThrow();

            assertThat(delta.usersDeleted()).isZero();
            assertThat(sync.changes(delta.id(), 0, 10).items()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(DirectorySyncChangeKind.CONFLICT);
                assertThat(c.target()).isEqualTo(upn);
                assertThat(c.detail()).contains("last enabled Global administrator");
            });
            assertThat(users.findUser(db.dsl(), admin.id())).isPresent();
            assertThat(sync.changes(delta.id(), 0, 10).items()).extracting(DirectorySyncChangeDto::kind)
                    .doesNotContain(DirectorySyncChangeKind.DELETE_USER);
        }
    }
}
