package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Active Directory writeback against a real Samba AD DC ({@link SambaDomainController}), configured
 * as in production: LDAPS, the CA's PEM file as the only trust, the DC's address checked in its
 * certificate, bound as a service account delegated only Reset Password and writing lockoutTime and
 * pwdLastSet. AD's own answers, not an emulation of them.
 */
class SambaWritebackTest {
    private static final String INITIAL = "Initial#Passw0rd1";
    private static final String NEW = "Reset#Passw0rd2";

    private SambaDomainController dc;
    private LdapPasswordWriteback writeback;
    private String name;
    private String dn;
    private OnPremAccount account;

    @BeforeEach
    void createUser() throws LDAPException {
        dc = SambaDomainController.shared();
        writeback = new LdapPasswordWriteback(dc.productionSettings());
        name = SambaDomainController.uniqueName("u");
        dn = dc.createUser(name, INITIAL);
        account = new OnPremAccount("user-" + name, name + "@test.local");
    }

    @AfterEach
    void close() {
        if (writeback != null) {
            writeback.close();
        }
    }

    @Test
    void aResetUnlocksALockedOutUserWhoThenBindsWithTheNewPasswordOnly() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.resetPassword(account, NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(dc.attribute(dn, "lockoutTime")).isEqualTo("0");
        assertThat(dc.bind(dn, NEW).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(dc.bind(dn, INITIAL).getDiagnosticMessage()).contains("data 52e");
    }

    @Test
    void aTooShortPasswordIsRefusedWithAdsOwnReasonAndNothingChanges() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.resetPassword(account, "Sh0rt!", false);

        assertThat(result).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(((WritebackResult.RejectedByPolicy) result).directoryMessage())
                .startsWith("0000052D: Constraint violation")
                .contains("the password is too short")
                .doesNotContain("Sh0rt!");
        assertThat(dc.attribute(dn, "lockoutTime")).isNotEqualTo("0"); // the unlock was part of the refused modify
        dc.replace(dn, "lockoutTime", "0");
        assertThat(dc.bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aPasswordFailingComplexityIsRefusedWithAdsOwnReason() {
        WritebackResult result = writeback.resetPassword(account, "alllowercaseletters", false);

        assertThat(result).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(((WritebackResult.RejectedByPolicy) result).directoryMessage())
                .contains("0000052D").contains("complexity");
        assertThat(dc.bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void unlockAloneClearsTheLockoutAndKeepsThePassword() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.unlock(account);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(dc.attribute(dn, "lockoutTime")).isEqualTo("0");
        assertThat(dc.bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aProtectedAccountIsRefusedAndKeepsItsPassword() throws LDAPException {
        String adminName = SambaDomainController.uniqueName("p");
        String adminDn = dc.createUser(adminName, INITIAL, new Attribute("adminCount", "1"));
        OnPremAccount protectedAccount = new OnPremAccount("user-" + adminName, adminName + "@test.local");

        assertThat(writeback.resetPassword(protectedAccount, NEW, false)).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(writeback.unlock(protectedAccount)).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(dc.bind(adminDn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(dc.bind(adminDn, NEW).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    @Test
    void aStoppedDomainControllerGivesUnavailableAndThePasswordStaysAsItWas() throws Exception {
        dc.stop();
        WritebackResult result;
        try {
            result = writeback.resetPassword(account, NEW, false);
        } finally {
            dc.start();
        }

        assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
        assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isFalse();
        assertThat(dc.bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(dc.bind(dn, NEW).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    }

    @Test
    void anAdminResetWithMustChangeLeavesAPasswordAdWantsChangedBeforeUse() throws LDAPException {
        lockOut();

        WritebackResult result = writeback.resetPassword(account, NEW, true);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(dc.attribute(dn, "pwdLastSet")).isEqualTo("0");
        assertThat(dc.attribute(dn, "lockoutTime")).isEqualTo("0");
        assertThat(dc.bind(dn, NEW).getDiagnosticMessage()).contains("data 773"); // must change password
    }

    @Test
    void aResetWithoutMustChangeLeavesAPasswordThatBinds() throws LDAPException {
        WritebackResult result = writeback.resetPassword(account, NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(dc.attribute(dn, "pwdLastSet")).isNotEqualTo("0");
        assertThat(dc.bind(dn, NEW).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aServiceAccountWithoutTheDelegationIsToldSoAndChangesNothing() throws LDAPException {
        lockOut();
        try (LdapPasswordWriteback undelegated = new LdapPasswordWriteback(
                dc.settingsFor(SambaDomainController.UNDELEGATED_DN))) {
            WritebackResult reset = undelegated.resetPassword(account, NEW, true);
            WritebackResult unlock = undelegated.unlock(account);

            assertThat(reset).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) reset).why())
                    .startsWith("the service account lacks the right to reset this password and require a change")
                    .doesNotContain(NEW);
            assertThat(((WritebackResult.Unavailable) reset).mayHaveApplied()).isFalse();
            assertThat(unlock).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) unlock).why())
                    .startsWith("the service account lacks the right to clear this account's lockout");
        }
        assertThat(dc.attribute(dn, "lockoutTime")).isNotEqualTo("0");
        assertThat(dc.attribute(dn, "pwdLastSet")).isNotEqualTo("0");
        dc.replace(dn, "lockoutTime", "0");
        assertThat(dc.bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    /** Three wrong passwords (the DC's threshold), after which even the right one gets AD's "locked" (775). */
    private void lockOut() throws LDAPException {
        for (int i = 0; i < 3; i++) {
            assertThat(dc.bind(dn, "Wrong#Passw0rd" + i).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
        }
        assertThat(dc.bind(dn, INITIAL).getDiagnosticMessage()).contains("data 775");
        assertThat(dc.attribute(dn, "lockoutTime")).isNotEqualTo("0");
    }
}
