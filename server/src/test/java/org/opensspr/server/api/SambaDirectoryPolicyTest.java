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

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory decides on-premises passwords (ADR 25), against a real Samba AD DC through the kiosk API:
 * the new-password step carries the domain's policy, or the user's fine-grained one, instead of the cloud
 * rules; the cloud rules aren't applied; and a refusal comes back with its specific reason.
 */
class SambaDirectoryPolicyTest {
    private static final String OLD = "Old-Directory-Pass-1";
    /** 7 characters: AD's default minimum and complexity are met, the cloud's 8-character minimum isn't. */
    private static final String BREAKS_A_CLOUD_RULE = "Kq7#vRz";

    @Test
    void theNewPasswordStepCarriesTheDomainPolicyAndNotTheCloudRules() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("p");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings())) {
            FlowClient flow = atNewPassword(server, dc, name, upn);

            assertThat(flow.last.has("requirements")).as("no cloud requirements").isFalse();
            JsonNode policy = flow.last.path("directoryPolicy");
            assertThat(policy.path("readable").asBoolean()).isTrue();
            // the fixture's domain: AD's defaults (complexity, 7, history 24, 42 days) with a minimum age of 0
            assertThat(policy.path("policy").path("source").asText()).isEqualTo("DOMAIN");
            assertThat(policy.path("policy").path("minLength").asInt()).isEqualTo(7);
            assertThat(policy.path("policy").path("complexity").asBoolean()).isTrue();
            assertThat(policy.path("policy").path("historyLength").asInt()).isEqualTo(24);
            assertThat(policy.path("policy").path("minAgeSeconds").asLong()).isZero();
            assertThat(policy.path("policy").path("maxAgeSeconds").asLong()).isEqualTo(Duration.ofDays(42).toSeconds());

            flow.password(BREAKS_A_CLOUD_RULE);
            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        }
        assertThat(dc.bind(dn, BREAKS_A_CLOUD_RULE).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aFineGrainedPolicyAppliedToTheUserIsWhatTheirFlowShowsAndWhatTheDirectoryApplies() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("f");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);
        dc.createPasswordSettings(SambaDomainController.uniqueName("pso-"), 12, false, 3, Duration.ZERO, dn);

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings())) {
            FlowClient flow = atNewPassword(server, dc, name, upn);

            JsonNode policy = flow.last.path("directoryPolicy").path("policy");
            assertThat(policy.path("source").asText()).isEqualTo("FINE_GRAINED");
            assertThat(policy.path("minLength").asInt()).isEqualTo(12);
            assertThat(policy.path("complexity").asBoolean()).isFalse();
            assertThat(policy.path("historyLength").asInt()).isEqualTo(3);

            JsonNode refused = flow.password(BREAKS_A_CLOUD_RULE);
            assertThat(flow.lastStatus).isEqualTo(422);
            assertThat(refused.path("fieldErrors").get(0).path("code").asText()).isEqualTo("DIRECTORY_TOO_SHORT");

            // no complexity in this policy: twelve lower-case letters are enough
            flow.password("lanternorbit");
            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        }
        assertThat(dc.bind(dn, "lanternorbit").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void tooShortAndNotComplexComeBackWithTheirOwnReasons() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("r");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD);

        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings())) {
            FlowClient flow = atNewPassword(server, dc, name, upn);

            JsonNode tooShort = flow.password("Ab1#");
            assertThat(flow.lastStatus).isEqualTo(422);
            assertThat(tooShort.path("fieldErrors").get(0).path("code").asText()).isEqualTo("DIRECTORY_TOO_SHORT");
            assertThat(tooShort.path("fieldErrors").get(0).path("message").asText()).contains("longer password");

            JsonNode notComplex = flow.password("lanternorbitkettleriver");
            assertThat(flow.lastStatus).isEqualTo(422);
            assertThat(notComplex.path("fieldErrors").get(0).path("code").asText()).isEqualTo("DIRECTORY_COMPLEXITY");
            assertThat(notComplex.toString()).doesNotContain("lanternorbitkettleriver");
        }
        assertThat(dc.bind(dn, OLD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    private static FlowClient atNewPassword(InProcessServer server, SambaDomainController dc, String name, String upn) {
        ResetFlowApiTest.policy(server, 1);
        UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                new UserWriteRequest(upn, "Pat", "Policy", "Pat Policy", UserSource.ON_PREMISES, true, false, upn, "en-US"));
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest("private-" + name + "@example.net", "", ""));
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(upn);
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo("private-" + name + "@example.net"));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        return flow;
    }
}
