package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenLDAP users without their own pwdPolicySubentry live under the overlay's default policy, which the service
 * account can't find out by itself (it sits in cn=config): the operator names it, and the kiosk shows it.
 */
class SlapdPasswordPolicyTest {

    @Test
    void theNamedDefaultPolicyIsWhatAUserWithoutOneOfTheirOwnIsShown() throws LDAPException {
        SlapdServer slapd = SlapdServer.shared();
        String uid = SlapdServer.uniqueUid("p");
        slapd.createUser(uid, "Initial#Pass1");
        OnPremAccount account = new OnPremAccount("user-" + uid, uid + "@example.test");

        try (LdapPasswordWriteback named = new LdapPasswordWriteback(slapd.productionSettings()
                .withDefaultPasswordPolicy(SlapdConfiguration.POLICY_DN));
             LdapPasswordWriteback unnamed = new LdapPasswordWriteback(slapd.productionSettings())) {
            Optional<DirectoryPasswordPolicy> policy = named.policyFor(account);

            assertThat(policy).hasValueSatisfying(rules -> {
                assertThat(rules.source()).isEqualTo(DirectoryPasswordPolicy.Source.PPOLICY);
                assertThat(rules.minLength()).isEqualTo(8);
                assertThat(rules.historyLength()).isEqualTo(5);
                assertThat(rules.complexity()).isFalse();
            });
            assertThat(unnamed.policyFor(account)).as("no default named: unreadable, never the cloud's").isEmpty();
        }
    }
}
