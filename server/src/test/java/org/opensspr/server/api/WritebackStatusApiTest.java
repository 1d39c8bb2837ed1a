package org.opensspr.server.api;

import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.UserDetailDto;
import org.opensspr.directory.UserSource;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.writeback.SambaDomainController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The On-premises pane's server side: the directory's status, the last writebacks, and "Test connection". */
class WritebackStatusApiTest {

    @Test
    void withARealDirectoryTheStatusNamesItAndShowsTheLastWritebackAndATestPasses() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("st");
        String upn = name + "@test.local";
        dc.createUser(name, upn, "Status#Passw0rd1");

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings());
             OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            WritebackStatusDto before = helpdesk.writeback().status();
            assertThat(before.configured()).isTrue();
            assertThat(before.flavor()).isEqualTo("ACTIVE_DIRECTORY");
            assertThat(before.servers()).containsExactly(dc.ldapsUrl());
            assertThat(before.serviceAccount()).isEqualTo(dc.productionSettings().bindDn());
            assertThat(before.lastWriteback()).isNull();

            UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                    new UserWriteRequest(upn, "Sam", "Status", "Sam Status", UserSource.ON_PREMISES, true, false, upn,
                            "en-US"));
            admin.helpdesk().unlock(user.id());

            WritebackStatusDto after = admin.writeback().status();
            assertThat(after.lastWriteback()).satisfies(last -> {
                assertThat(last.userId()).isEqualTo(user.id());
                assertThat(last.operation()).isEqualTo("UNLOCK");
                assertThat(last.status()).isEqualTo("DONE");
            });
            assertThat(after.lastFailure()).isNull();
            assertThat(after.inDoubt()).isZero();

            ConnectionTestDto test = admin.writeback().testConnection(upn);
            assertThat(test.ok()).isTrue();
            assertThat(test.testUser().found()).isTrue();
            assertThatThrownBy(() -> helpdesk.writeback().testConnection(null))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void withoutADirectoryTheStatusSaysSoAndATestExplainsWhatToConfigure() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            WritebackStatusDto status = admin.writeback().status();
            assertThat(status.configured()).isFalse();
            assertThat(status.servers()).isEmpty();
            assertThat(status.flavor()).isNull();

            assertThatThrownBy(() -> admin.writeback().testConnection("someone@example.org"))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("--ldap-url");
                    });
        }
    }
}
