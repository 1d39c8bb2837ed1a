package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.SambaDomainController;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A helpdesk reset of an on-premises user against a real Samba AD DC: "must change at next sign-in"
 * reaches AD (pwdLastSet=0, so the new password binds only to be told to change it: data 773), and the
 * answer says so only because AD took it; without it the new password simply works.
 */
class SambaHelpdeskResetTest {
    private static final String OLD = "Old-Directory-Pass-1";
    private static final String TYPED = "Copper#Willow#Ridge48";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGeneratedPasswordThatMustBeChangedReachesAdAsSuch() throws Exception {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("h");
        String dn = dc.createUser(name, name + "@test.local", OLD);

        JsonNode answer = resetAtTheHelpdesk(dc, name + "@test.local", "{}");

        assertThat(answer.path("mustChangeAtNextSignIn").asBoolean()).isTrue();
        String generated = answer.path("generatedPassword").asText();
        assertThat(generated).isNotEmpty();
        assertThat(dc.attribute(dn, "pwdLastSet")).isEqualTo("0");
        assertThat(dc.bind(dn, generated).getDiagnosticMessage()).contains("data 773");
        assertThat(dc.bind(dn, OLD).getDiagnosticMessage()).contains("data 52e");
    }

    @Test
    void aTypedPasswordWithoutMustChangeBindsAtOnce() throws Exception {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("h");
        String dn = dc.createUser(name, name + "@test.local", OLD);

        JsonNode answer = resetAtTheHelpdesk(dc, name + "@test.local",
                "{\"password\":\"" + TYPED + "\",\"mustChangeAtNextSignIn\":false}");

        assertThat(answer.path("mustChangeAtNextSignIn").asBoolean()).isFalse();
        assertThat(dc.bind(dn, TYPED).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aServiceAccountWithoutTheDelegationIsNamedInTheAnswerAndNothingChanges() throws Exception {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("h");
        String dn = dc.createUser(name, name + "@test.local", OLD);

        HttpResponse<String> refused = reset(dc.settingsFor(SambaDomainController.UNDELEGATED_DN),
                name + "@test.local", "{\"password\":\"" + TYPED + "\",\"mustChangeAtNextSignIn\":false}");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("the service account lacks the right to reset this password")
                .doesNotContain(TYPED);
        assertThat(dc.bind(dn, OLD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    private static JsonNode resetAtTheHelpdesk(SambaDomainController dc, String upn, String body) throws Exception {
        HttpResponse<String> reset = reset(dc.productionSettings(), upn, body);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        return JSON.readTree(reset.body());
    }

    private static HttpResponse<String> reset(LdapSettings directory, String upn, String body) {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, null, directory)) {
            UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                    new UserWriteRequest(upn, "Hal", "Desk", "Hal Desk", UserSource.ON_PREMISES, true, false, upn, "en-US"));
            String helpdesk = TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR);
            return server.json("POST", "/api/v1/users/" + user.id() + "/password", helpdesk, body);
        }
    }
}
