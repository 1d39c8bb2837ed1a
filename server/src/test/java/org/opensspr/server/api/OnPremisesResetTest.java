package org.opensspr.server.api;

import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.TestDirectory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * On-premises users: without a connected directory they meet "contact your administrator"; with
 * one (UnboundID's in-memory LDAP server, OpenLDAP-style, over a real socket) the new password is
 * written back behind an intent record, and only then does the flow complete.
 */
class OnPremisesResetTest {
    private static final String HENRIETTA = "henrietta@contoso.example";
    private static final String OLD = "Old-Directory-Pass-1";

    @OnBothDatabases
    void withoutADirectoryOnPremisesUsersAreSentToTheirAdministrator(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        henrietta(server);
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(HENRIETTA);

        assertThat(flow.last.path("step").path("reason").asText()).as("no sign of a hybrid account")
                .isEqualTo("CANNOT_RESET_HERE");
    }

    @OnBothDatabases
    void theNewPasswordIsWrittenBackToTheDirectory(TestDatabases kind) {
        try (TestDirectory directory = TestDirectory.plain()) {
            String dn = directory.addUser("henrietta", HENRIETTA, OLD);
            LdapSettings ldap = LdapSettings.openLdap(List.of(directory.url()), TestDirectory.SERVICE_DN,
                    TestDirectory.SERVICE_PASSWORD, TestDirectory.BASE_DN);
            try (InProcessServer server = InProcessServer.start(kind, null, ldap)) {
                ResetFlowApiTest.policy(server, 1);
                henrietta(server);
                FlowClient flow = new FlowClient(server);
                flow.start("RESET_PASSWORD");
                flow.identify(HENRIETTA);
                flow.choose("EMAIL");
                flow.proveCode(flow.codeSentTo("henrietta@private.example"));
                // this directory publishes no password policy: the kiosk is told so, and gets no cloud rules instead
                assertThat(flow.last.has("requirements")).isFalse();
                assertThat(flow.last.path("directoryPolicy").path("readable").asBoolean(true)).isFalse();
                flow.password(ResetFlowApiTest.NEW_PASSWORD);

                assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
                assertThat(directory.canBind(dn, ResetFlowApiTest.NEW_PASSWORD)).isTrue();
                assertThat(directory.canBind(dn, OLD)).isFalse();
                assertThat(server.server().database().dsl().selectFrom(WRITEBACK_INTENT).fetch())
                        .singleElement().satisfies(intent -> assertThat(intent.getStatus()).isEqualTo("DONE"));
            }
        }
    }

    private static void henrietta(InProcessServer server) {
        UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                new UserWriteRequest(HENRIETTA, "Henrietta", "Mueller", "Henrietta Mueller", UserSource.ON_PREMISES,
                        true, false, HENRIETTA, "en-US"));
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest("henrietta@private.example", "", ""));
    }
}
