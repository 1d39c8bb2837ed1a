package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.SambaDomainController;
import org.opensspr.server.writeback.TcpRelay;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * The domain controller goes away while a user sets their new password at the kiosk: the user is told plainly,
 * nothing is half-applied (AD keeps the old password, our side records a failure, not a reset), and once the DC is
 * back the same flow finishes. And a DC that refuses the service account a right: told to ask an administrator.
 */
class SambaOutageTest {
    private static final String OLD = "Old-Directory-Pass-1";

    @Test
    void aServiceAccountWithoutTheDelegationSendsTheUserToTheirAdministratorAndChangesNothing() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("o");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null,
                dc.settingsFor(SambaDomainController.UNDELEGATED_DN))) {
            ResetFlowApiTest.policy(server, 1);
            SambaKioskResetTest.onPremisesUser(server, upn);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(upn);
            flow.choose("EMAIL");
            flow.proveCode(flow.codeSentTo("private-" + name + "@example.net"));

            JsonNode refused = flow.password(ResetFlowApiTest.NEW_PASSWORD);

            assertThat(flow.lastStatus).isEqualTo(409);
            assertThat(refused.path("code").asText()).isEqualTo("DIRECTORY_REFUSED");
            assertThat(refused.path("message").asText()).endsWith("contact your administrator.");
        }
        assertThat(dc.bind(dn, OLD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aDirectoryDownAtTheLastStepChangesNothingAndTheUserFinishesOnceItIsBack() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("o");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);

        try (TcpRelay relay = TcpRelay.toDomainController(dc);
             InProcessServer server = InProcessServer.start(TestDatabases.H2, null, LdapSettings.activeDirectory(
                             List.of(relay.ldapsUrl()), SambaDomainController.ADMIN_DN, dc.adminPassword(),
                             SambaDomainController.BASE_DN).withTrustedCertificates(dc.caCertificate())
                     .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
            ResetFlowApiTest.policy(server, 1);
            SambaKioskResetTest.onPremisesUser(server, upn);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(upn);
            flow.choose("EMAIL");
            flow.proveCode(flow.codeSentTo("private-" + name + "@example.net"));

            relay.down();
            JsonNode unavailable = flow.password(ResetFlowApiTest.NEW_PASSWORD);

            assertThat(flow.lastStatus).isEqualTo(503);
            assertThat(unavailable.path("code").asText()).isEqualTo("DIRECTORY_UNAVAILABLE");
            assertThat(unavailable.path("message").asText())
                    .isEqualTo("Your organization's directory can't be reached right now; try again in a few minutes.");
            assertThat(dc.bind(dn, OLD).getResultCode()).as("AD still has the old password").isEqualTo(ResultCode.SUCCESS);
            assertThat(server.server().database().dsl().selectFrom(WRITEBACK_INTENT).fetch()).singleElement()
                    .satisfies(intent -> assertThat(intent.getStatus()).isEqualTo("FAILED"));
            assertThat(server.server().database().dsl().select(AUDIT_EVENT.RESULT, AUDIT_EVENT.FAILURE_REASON)
                    .from(AUDIT_EVENT).where(AUDIT_EVENT.ACTIVITY.eq(org.opensspr.api.AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName())).fetch())
                    .singleElement().satisfies(event -> {
                        assertThat(event.value1()).isEqualTo("FAILURE");
                        assertThat(event.value2()).isEqualTo("on-premises directory unreachable");
                    });

            relay.up();
            flow.password(ResetFlowApiTest.NEW_PASSWORD);
            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        }
        assertThat(dc.bind(dn, ResetFlowApiTest.NEW_PASSWORD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(dc.bind(dn, OLD).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }
}
