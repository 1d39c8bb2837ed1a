package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenLDAP writeback against a real slapd with ppolicy ({@link SlapdServer}), configured as in
 * production: LDAPS with the test CA's PEM file as the only trust, bound as a service account delegated
 * only the password and lockout attributes. slapd's own answers, not an emulation of them.
 */
class SlapdWritebackTest {
    private static final String INITIAL = "Initial-Passw0rd-1";
    private static final String NEW = "Reset-Passw0rd-2";
    private static final String THIRD = "Third-Passw0rd-3";

    private SlapdServer slapd;
    private LdapPasswordWriteback writeback;
    private String dn;
    private OnPremAccount account;

    @BeforeEach
    void createUser() throws LDAPException {
        slapd = SlapdServer.shared();
        writeback = new LdapPasswordWriteback(slapd.productionSettings());
        String uid = SlapdServer.uniqueUid("u");
        dn = slapd.createUser(uid, INITIAL);
        account = new OnPremAccount("user-" + uid, uid + "@example.test");
    }

    @AfterEach
    void close() {
        if (writeback != null) {
            writeback.close();
        }
    }

    @Test
    void aResetLetsTheUserBindWithTheNewPasswordOnlyAndStoresItHashed() throws LDAPException {
        WritebackResult result = writeback.resetPassword(account, NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.SUCCESS);
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
        List<String> stored = slapd.attribute(dn, "userPassword");
        assertThat(stored).singleElement().asString().startsWith("{SSHA}").doesNotContain(NEW);
    }

    @Test
    void aResetOverPlainLdapOnLoopbackWorksToo() {
        LdapSettings plain = LdapSettings.openLdap(List.of(slapd.ldapUrl()), SlapdServer.SERVICE_DN,
                slapd.productionSettings().bindPassword(), SlapdServer.BASE_DN);
        try (LdapPasswordWriteback overPlainLdap = new LdapPasswordWriteback(plain)) {
            assertThat(overPlainLdap.resetPassword(account, NEW, false)).isEqualTo(WritebackResult.DONE);
        }
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aTooShortPasswordIsRefusedWithPpolicysReasonAndNothingChanges() {
        WritebackResult result = writeback.resetPassword(account, "Sh0rt!", false);

        assertThat(result).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(((WritebackResult.RejectedByPolicy) result).directoryMessage())
                .isEqualTo("Password fails quality checking policy");
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aUsersOwnChangeBackToARecentPasswordIsRefusedByHistory() {
        assertThat(writeback.changePassword(account, INITIAL, NEW)).isEqualTo(WritebackResult.DONE);

        WritebackResult result = writeback.changePassword(account, NEW, INITIAL);

        assertThat(result).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(((WritebackResult.RejectedByPolicy) result).directoryMessage())
                .isEqualTo("Password is in history of old passwords");
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.SUCCESS);
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    @Test
    void unlockClearsTheLockoutSoTheRightPasswordBindsAgain() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.unlock(account);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.attribute(dn, "pwdAccountLockedTime")).isEmpty();
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aResetAlsoUnlocks() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.resetPassword(account, NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.attribute(dn, "pwdAccountLockedTime")).isEmpty();
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aStoppedSlapdGivesUnavailableAndThePasswordStaysAsItWas() throws IOException {
        slapd.stop();
        WritebackResult result;
        try {
            result = writeback.resetPassword(account, NEW, false);
        } finally {
            slapd.start();
        }

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isFalse();
        assertThat(((WritebackResult.Unavailable) result).why()).contains("can't be reached").doesNotContain(NEW);
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.SUCCESS);
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    @Test
    void aClosedPortGivesUnavailableAndChangesNothing() throws IOException {
        LdapSettings closed = LdapSettings.openLdap(List.of("ldaps://127.0.0.1:" + closedPort()),
                SlapdServer.SERVICE_DN, slapd.productionSettings().bindPassword(), SlapdServer.BASE_DN)
                .withTrustedCertificates(slapd.caCertificate());
        try (LdapPasswordWriteback nowhere = new LdapPasswordWriteback(closed)) {
            WritebackResult result = nowhere.unlock(account);

            assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isFalse();
        }
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void anAdminResetWithMustChangeRestrictsTheUserToChangingThePassword() throws LDAPException {
        WritebackResult result = writeback.resetPassword(account, NEW, true);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.attribute(dn, "pwdReset")).containsExactly("TRUE");
        LDAPException restricted = slapd.readOwnEntry(dn, NEW);
        assertThat(restricted.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
        assertThat(restricted.getDiagnosticMessage()).contains("Operations are restricted");

        assertThat(writeback.changePassword(account, NEW, THIRD)).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.attribute(dn, "pwdReset")).isEmpty();
        assertThat(slapd.readOwnEntry(dn, THIRD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aSelfServiceResetNeverForcesAChangeAndLiftsAnEarlierOne() throws LDAPException {
        assertThat(writeback.resetPassword(account, NEW, true)).isEqualTo(WritebackResult.DONE);

        WritebackResult result = writeback.resetPassword(account, THIRD, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.attribute(dn, "pwdReset")).isEmpty();
        assertThat(slapd.readOwnEntry(dn, THIRD).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aServiceAccountWithoutTheDelegationIsToldSoAndChangesNothing() throws LDAPException {
        lockOut();
        try (LdapPasswordWriteback undelegated = new LdapPasswordWriteback(
                slapd.settingsFor(SlapdConfiguration.UNDELEGATED_DN))) {
            WritebackResult reset = undelegated.resetPassword(account, NEW, false);
            WritebackResult unlock = undelegated.unlock(account);

            assertThat(reset).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) reset).why())
                    .startsWith("the service account lacks the right to reset this password").doesNotContain(NEW);
            assertThat(((WritebackResult.Unavailable) reset).mayHaveApplied()).isFalse();
            assertThat(unlock).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) unlock).why())
                    .startsWith("the service account lacks the right to clear this account's lockout");
        }
        assertThat(slapd.attribute(dn, "pwdAccountLockedTime")).hasSize(1);
        assertThat(writeback.unlock(account)).isEqualTo(WritebackResult.DONE);
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aMustChangeTheDirectoryRefusesIsNeverReportedAsDone() throws LDAPException {
        try (LdapPasswordWriteback halfDelegated = new LdapPasswordWriteback(
                slapd.settingsFor(SlapdConfiguration.PASSWORD_ONLY_DN))) {
            WritebackResult result = halfDelegated.resetPassword(account, NEW, true);

            assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
            WritebackResult.Unavailable unavailable = (WritebackResult.Unavailable) result;
            assertThat(unavailable.mayHaveApplied()).isTrue();
            assertThat(unavailable.why()).contains("the new password was set")
                    .contains("lacks the right to write pwdReset").doesNotContain(NEW);
        }
        assertThat(slapd.attribute(dn, "pwdReset")).isEmpty();
        assertThat(slapd.bind(dn, NEW)).isEqualTo(ResultCode.SUCCESS);
    }

    /** Three wrong passwords (the policy's pwdMaxFailure), after which even the right one is refused. */
    private void lockOut() throws LDAPException {
        for (int i = 0; i < 3; i++) {
            assertThat(slapd.bind(dn, "Wrong-Passw0rd-" + i)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
        }
        assertThat(slapd.attribute(dn, "pwdAccountLockedTime")).hasSize(1);
        assertThat(slapd.bind(dn, INITIAL)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return probe.getLocalPort();
        }
    }
}
