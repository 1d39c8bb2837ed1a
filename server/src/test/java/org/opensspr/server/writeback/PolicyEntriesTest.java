package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.Test;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy entries as the directories store them; the real AD path runs in SambaDirectoryPolicyTest. */
class PolicyEntriesTest {

    @Test
    void anOpenLdapPolicyThatChecksQualityGivesItsLengthsHistoryAndAges() {
        Entry entry = new Entry("cn=default,ou=policies,dc=example,dc=test",
                new com.unboundid.ldap.sdk.Attribute("objectClass", "pwdPolicy"),
                new com.unboundid.ldap.sdk.Attribute("pwdMinLength", "10"),
                new com.unboundid.ldap.sdk.Attribute("pwdMaxLength", "64"),
                new com.unboundid.ldap.sdk.Attribute("pwdCheckQuality", "2"),
                new com.unboundid.ldap.sdk.Attribute("pwdInHistory", "5"),
                new com.unboundid.ldap.sdk.Attribute("pwdMinAge", "3600"),
                new com.unboundid.ldap.sdk.Attribute("pwdMaxAge", "7776000"));

        assertThat(PolicyEntries.ppolicy(entry)).contains(new DirectoryPasswordPolicy(
                DirectoryPasswordPolicy.Source.PPOLICY, 10, 64, false, 5, 3600, 7_776_000));
    }

    @Test
    void withoutQualityCheckingOpenLdapAppliesNoMinimumLength() {
        Entry entry = new Entry("cn=default,dc=example,dc=test",
                new com.unboundid.ldap.sdk.Attribute("pwdMinLength", "10"),
                new com.unboundid.ldap.sdk.Attribute("pwdInHistory", "3"));

        assertThat(PolicyEntries.ppolicy(entry)).contains(new DirectoryPasswordPolicy(
                DirectoryPasswordPolicy.Source.PPOLICY, 0, 0, false, 3, 0, 0));
    }

    @Test
    void adsNeverExpiringMaximumAgeIsZeroAndItsIntervalsAreSeconds() {
        Entry entry = new Entry("DC=test,DC=local",
                new com.unboundid.ldap.sdk.Attribute("minPwdLength", "7"),
                new com.unboundid.ldap.sdk.Attribute("pwdProperties", "1"),
                new com.unboundid.ldap.sdk.Attribute("pwdHistoryLength", "24"),
                new com.unboundid.ldap.sdk.Attribute("minPwdAge", "-864000000000"),
                new com.unboundid.ldap.sdk.Attribute("maxPwdAge", "-9223372036854775808"));

        assertThat(PolicyEntries.domain(entry)).contains(new DirectoryPasswordPolicy(
                DirectoryPasswordPolicy.Source.DOMAIN, 7, 0, true, 24, Duration.ofDays(1).toSeconds(), 0));
    }

    @Test
    void aDomainObjectTheServiceAccountCantReadGivesNoPolicyRatherThanAGuess() {
        assertThat(PolicyEntries.domain(new Entry("DC=test,DC=local"))).isEmpty();
        assertThat(PolicyEntries.fineGrained(new Entry("CN=pso,DC=test,DC=local"))).isEmpty();
    }

    @Test
    void complexityIsBitOneOfPwdProperties() {
        assertThat(DirectoryPolicyReader.complexityBit(1)).isTrue();
        assertThat(DirectoryPolicyReader.complexityBit(17)).isTrue();
        assertThat(DirectoryPolicyReader.complexityBit(16)).isFalse();
        assertThat(DirectoryPolicyReader.complexityBit(null)).isFalse();
    }
}
