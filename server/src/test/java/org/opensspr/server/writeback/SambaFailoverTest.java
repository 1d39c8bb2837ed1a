package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-over across several directory servers with the real Samba DC behind two addresses: a relay (the "first
 * DC") and the DC itself (the "second"). Writeback goes on through the second when the first is down at start or
 * goes down while the pool holds connections to it.
 */
class SambaFailoverTest {
    private static final String OLD = "Old-Failover-Pass-1";

    @Test
    void aFirstServerThatIsDownFromTheStartIsPassedOver() throws LDAPException, IOException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("f");
        String dn = dc.createUser(name, OLD);
        String dead = "ldaps://" + dc.address() + ":" + closedPort(dc.address());

        try (LdapPasswordWriteback writeback = new LdapPasswordWriteback(settings(dc, dead, dc.ldapsUrl()))) {
            assertThat(writeback.resetPassword(new OnPremAccount("u1", name + "@test.local"), "Failover#New1", false))
                    .isEqualTo(WritebackResult.DONE);
        }
        assertThat(dc.bind(dn, "Failover#New1").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void whenTheFirstServerGoesDownTheNextWritebackUsesTheSecond() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("f");
        String dn = dc.createUser(name, OLD);
        OnPremAccount account = new OnPremAccount("u1", name + "@test.local");

        try (TcpRelay first = TcpRelay.toDomainController(dc);
             LdapPasswordWriteback writeback = new LdapPasswordWriteback(settings(dc, first.ldapsUrl(), dc.ldapsUrl()))) {
            assertThat(writeback.resetPassword(account, "Failover#New1", false)).isEqualTo(WritebackResult.DONE);

            first.down();

            assertThat(writeback.resetPassword(account, "Failover#New2", false)).isEqualTo(WritebackResult.DONE);
        }
        assertThat(dc.bind(dn, "Failover#New2").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    private static LdapSettings settings(SambaDomainController dc, String... urls) {
        return LdapSettings.activeDirectory(List.of(urls), SambaDomainController.ADMIN_DN, dc.adminPassword(),
                        SambaDomainController.BASE_DN).withTrustedCertificates(dc.caCertificate())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static int closedPort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }
}
