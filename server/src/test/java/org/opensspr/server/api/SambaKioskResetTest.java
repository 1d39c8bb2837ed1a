package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.writeback.SambaDomainController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * The whole on-premises reset against a real Samba AD DC: a hybrid user locked out of AD proves
 * themselves at the kiosk API, and the new password reaches AD, unlocked, before the flow completes;
 * a password AD refuses comes back to the kiosk with AD's reason, named (ADR 25) and in AD's words.
 */
class SambaKioskResetTest {
    private static final String OLD = "Old-Directory-Pass-1";

    @Test
    void aUserLockedOutOfAdResetsAtTheKioskAndThenBindsWithTheNewPassword() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("k");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);
        for (int i = 0; i < 3; i++) {
            dc.bind(dn, "Wrong#Passw0rd" + i);
        }
        assertThat(dc.bind(dn, OLD).getDiagnosticMessage()).as("locked out in AD").contains("data 775");

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings())) {
            ResetFlowApiTest.policy(server, 1);
            onPremisesUser(server, upn);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(upn);
            flow.choose("EMAIL");
            flow.proveCode(flow.codeSentTo("private-" + name + "@example.net"));
            flow.password(ResetFlowApiTest.NEW_PASSWORD);

            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
            assertThat(server.server().database().dsl().selectFrom(WRITEBACK_INTENT).fetch())
                    .singleElement().satisfies(intent -> assertThat(intent.getStatus()).isEqualTo("DONE"));
        }
        assertThat(dc.bind(dn, ResetFlowApiTest.NEW_PASSWORD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(dc.bind(dn, OLD).getDiagnosticMessage()).as("the old password, not a lockout").contains("data 52e");
        assertThat(dc.attribute(dn, "lockoutTime")).isEqualTo("0");
    }

    @Test
    void aPasswordAdRefusesComesBackWithAdsReasonAndTheUserCanTryAgain() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("k");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings())) {
            ResetFlowApiTest.policy(server, 1);
            onPremisesUser(server, upn);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(upn);
            flow.choose("EMAIL");
            flow.proveCode(flow.codeSentTo("private-" + name + "@example.net"));

            // only lower-case letters: long enough, but not AD's three kinds of character
            JsonNode refused = flow.password("lanternorbitkettleriver");
            assertThat(flow.lastStatus).isEqualTo(422);
            assertThat(refused.path("message").asText()).contains("0000052D").contains("complexity");
            assertThat(refused.path("fieldErrors").get(0).path("code").asText()).isEqualTo("DIRECTORY_COMPLEXITY");
            assertThat(refused.toString()).doesNotContain("lanternorbitkettleriver");
            assertThat(dc.bind(dn, OLD).getResultCode()).isEqualTo(ResultCode.SUCCESS);

            flow.password(ResetFlowApiTest.NEW_PASSWORD);
            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        }
        assertThat(dc.bind(dn, ResetFlowApiTest.NEW_PASSWORD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    static void onPremisesUser(InProcessServer server, String upn) {
        UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                new UserWriteRequest(upn, "Kim", "Locked", "Kim Locked", UserSource.ON_PREMISES, true, false, upn, "en-US"));
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest("private-" + upn.substring(0, upn.indexOf('@')) + "@example.net", "", ""));
    }
}
