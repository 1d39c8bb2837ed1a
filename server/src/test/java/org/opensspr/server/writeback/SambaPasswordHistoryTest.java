package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.password.DirectoryRefusal;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password history and minimum age against a real Samba 4.17 AD DC. AD applies both to a user's own
 * change, and to an administrative {@code unicodePwd} replace only with the LDAP_SERVER_POLICY_HINTS
 * control, which Samba 4.17 doesn't know: so the reset can't be made to check history (docs/design.md
 * §10), and the HISTORY and MIN_AGE reasons are shown through the change path. Nor does its reset check
 * the account's names, which AD's complexity rule forbids.
 */
class SambaPasswordHistoryTest {
    private static final String INITIAL = "Initial#Passw0rd1";
    private static final String SECOND = "Second#Passw0rd2";
    /** LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 R2+), and the deprecated one before it. */
    static final String POLICY_HINTS = "1.2.840.113556.1.4.2239";
    static final String POLICY_HINTS_DEPRECATED = "1.2.840.113556.1.4.2066";

    private SambaDomainController dc;
    private LdapPasswordWriteback writeback;
    private String dn;
    private OnPremAccount account;

    @BeforeEach
    void createUser() throws LDAPException {
        dc = SambaDomainController.shared();
        writeback = new LdapPasswordWriteback(dc.productionSettings());
        String name = SambaDomainController.uniqueName("h");
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
    void aUsersChangeToAPasswordInHistoryIsRefusedAsHistory() throws LDAPException {
        assertThat(writeback.changePassword(account, INITIAL, SECOND)).isEqualTo(WritebackResult.DONE);

        WritebackResult result = writeback.changePassword(account, SECOND, INITIAL);

        assertThat(result).isInstanceOfSatisfying(WritebackResult.RejectedByPolicy.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(DirectoryRefusal.HISTORY);
            assertThat(rejected.directoryMessage()).contains("0000052D").doesNotContain(INITIAL);
        });
        assertThat(dc.bind(dn, SECOND).getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAsSuch() {
        WritebackResult result = writeback.changePassword(account, "Not#ThePassw0rd", SECOND);

        assertThat(result).isInstanceOfSatisfying(WritebackResult.RejectedByPolicy.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(DirectoryRefusal.WRONG_CURRENT_PASSWORD));
    }

    @Test
    void aSecondChangeWithinTheMinimumAgeIsRefusedAsTooYoung() throws LDAPException {
        dc.createPasswordSettings(SambaDomainController.uniqueName("age-"), 7, true, 24, Duration.ofDays(1), dn);
        // the first change sets pwdLastSet to now; before it the account's age is unknown to the rule
        assertThat(writeback.resetPassword(account, SECOND, false)).isEqualTo(WritebackResult.DONE);

        WritebackResult result = writeback.changePassword(account, SECOND, "Third#Passw0rd3");

        assertThat(result).isInstanceOfSatisfying(WritebackResult.RejectedByPolicy.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(DirectoryRefusal.MIN_AGE));
    }

    /**
     * AD refuses a password holding the account name or a 3+ character token of the display name; Samba
     * 4.17's reset doesn't check names at all, so the kiosk shows that rule as information only.
     */
    @Test
    void samba417AcceptsTheAccountNameAndDisplayNameTokensInAReset() throws LDAPException {
        String name = SambaDomainController.uniqueName("dana");
        dc.createUser(name, INITIAL, new com.unboundid.ldap.sdk.Attribute("displayName", "Dana Directory"));
        OnPremAccount dana = new OnPremAccount("user-" + name, name + "@test.local");

        assertThat(writeback.resetPassword(dana, "Directory#7", false)).isEqualTo(WritebackResult.DONE);
        assertThat(writeback.resetPassword(dana, "X#" + name, false)).isEqualTo(WritebackResult.DONE);
    }

    @Test
    void samba417IgnoresThePolicyHintsControlSoAnAdministrativeResetSkipsHistory() throws LDAPException {
        try (LDAPConnection admin = dc.connectAsAdmin()) {
            for (String oid : new String[] {POLICY_HINTS, POLICY_HINTS_DEPRECATED}) {
                // the control's value: a sequence holding the flag 1 ("apply the policy")
                Control hints = new Control(oid, false, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode()));
                LDAPResult result = admin.modify(new ModifyRequest(dn,
                        new Modification(ModificationType.REPLACE, LdapPasswordWriteback.UNICODE_PWD,
                                LdapPasswordWriteback.unicodePwd(INITIAL)), new Control[] {hints}));

                assertThat(result.getResultCode()).as(oid + ": the current password, in history, is accepted")
                        .isEqualTo(ResultCode.SUCCESS);
            }
            // sent as critical, Samba says plainly that it doesn't support the control
            Control critical = new Control(POLICY_HINTS, true, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode()));
            LDAPException refused = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
                    () -> admin.modify(new ModifyRequest(dn, new Modification(ModificationType.REPLACE,
                            LdapPasswordWriteback.UNICODE_PWD, LdapPasswordWriteback.unicodePwd(INITIAL)),
                            new Control[] {critical})));
            assertThat(refused.getResultCode()).isEqualTo(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION);
        }
    }
}
