package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.RightCheckDto;
import org.opensspr.api.ServerCheckDto;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" against a real Samba AD DC: what an operator is told, server by server, and nothing written. */
class DirectoryProbeTest {
    private static final String PASSWORD = "Probe#Passw0rd1";

    @Test
    void aWorkingDirectoryShowsItsTlsItsNameAndTheDelegatedAccountsRightsOnTheTestUser() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("probe");
        String dn = dc.createUser(name, PASSWORD);
        String changedBefore = dc.attribute(dn, "uSNChanged");

        ConnectionTestDto test = new DirectoryProbe(dc.productionSettings()).run(name + "@test.local");

        assertThat(test.ok()).isTrue();
        ServerCheckDto server = test.servers().getFirst();
        assertThat(server.url()).isEqualTo(dc.ldapsUrl());
        assertThat(server.reachable()).isTrue();
        assertThat(server.bound()).isTrue();
        assertThat(server.baseFound()).isTrue();
        assertThat(server.problem()).isNull();
        assertThat(server.tlsProtocol()).startsWith("TLSv1.");
        assertThat(server.cipherSuite()).startsWith("TLS_");
        assertThat(server.certificateIssuer()).isNotEqualTo(server.certificateSubject());
        assertThat(server.certificateExpires()).isAfter(Instant.now());
        assertThat(server.directory()).isNotBlank();
        assertThat(test.testUser().found()).isTrue();
        assertThat(test.testUser().dn()).isEqualToIgnoringCase(dn);
        assertThat(test.testUser().rights()).extracting(RightCheckDto::right, RightCheckDto::state).containsExactly(
                // an extended right: AD lists only attribute writes, so a test that writes nothing can't see it
                org.assertj.core.groups.Tuple.tuple("RESET_PASSWORD", "NOT_CHECKABLE"),
                org.assertj.core.groups.Tuple.tuple("WRITE_LOCKOUT_TIME", "GRANTED"),
                org.assertj.core.groups.Tuple.tuple("WRITE_PWD_LAST_SET", "GRANTED"));
        assertThat(dc.attribute(dn, "uSNChanged")).as("a test writes nothing").isEqualTo(changedBefore);
    }

    @Test
    void aServiceAccountWithoutTheDelegationIsToldWhichRightsAreMissing() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String plain = SambaDomainController.uniqueName("plain");
        String plainDn = dc.createUser(plain, PASSWORD);
        String target = SambaDomainController.uniqueName("target");
        dc.createUser(target, PASSWORD);
        LdapSettings asPlainUser = LdapSettings.activeDirectory(List.of(dc.ldapsUrl()), plainDn, PASSWORD,
                SambaDomainController.BASE_DN).withTrustedCertificates(dc.caCertificate());

        ConnectionTestDto test = new DirectoryProbe(asPlainUser).run(target + "@test.local");

        assertThat(test.ok()).isFalse();
        assertThat(test.servers().getFirst().bound()).isTrue();
        assertThat(test.testUser().found()).isTrue();
        assertThat(test.testUser().rights()).extracting(RightCheckDto::right, RightCheckDto::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RESET_PASSWORD", "NOT_CHECKABLE"),
                org.assertj.core.groups.Tuple.tuple("WRITE_LOCKOUT_TIME", "MISSING"),
                org.assertj.core.groups.Tuple.tuple("WRITE_PWD_LAST_SET", "MISSING"));
    }

    @Test
    void eachServerIsJudgedOnItsOwnAndAWrongPasswordOrADeadServerSaysSo() throws IOException {
        SambaDomainController dc = SambaDomainController.shared();
        String dead = "ldaps://127.0.0.1:" + closedPort();
        LdapSettings settings = new LdapSettings(List.of(dead, dc.ldapsUrl()), SambaDomainController.ADMIN_DN,
                "Not-The-Password-1", SambaDomainController.BASE_DN, null, false, DirectoryFlavor.ACTIVE_DIRECTORY,
                Duration.ofSeconds(2), Duration.ofSeconds(5), dc.caCertificate(), 0);

        ConnectionTestDto test = new DirectoryProbe(settings).run("nobody@test.local");

        assertThat(test.ok()).isFalse();
        ServerCheckDto unreachable = test.servers().get(0);
        assertThat(unreachable.reachable()).isFalse();
        assertThat(unreachable.problem()).startsWith("Can't connect");
        ServerCheckDto refused = test.servers().get(1);
        assertThat(refused.reachable()).isTrue();
        assertThat(refused.tlsProtocol()).isNotNull();
        assertThat(refused.bound()).isFalse();
        assertThat(refused.problem()).contains("refused the service account's name or password")
                .doesNotContain("Not-The-Password-1");
        assertThat(test.testUser()).as("no server could look the user up").isNull();
    }

    @Test
    void aTestUserThatDoesNotExistIsNotFound() {
        SambaDomainController dc = SambaDomainController.shared();

        ConnectionTestDto test = new DirectoryProbe(dc.productionSettings())
                .run(SambaDomainController.uniqueName("ghost") + "@test.local");

        assertThat(test.servers().getFirst().problem()).isNull();
        assertThat(test.testUser().found()).isFalse();
        assertThat(test.testUser().rights()).isEmpty();
        assertThat(test.ok()).isFalse();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
