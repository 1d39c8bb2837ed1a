package org.opensspr.server.writeback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the directory settings accept, and the words they use for what they don't. */
class LdapSettingsTest {
    private static final LdapSettings AD = LdapSettings.activeDirectory(List.of("ldaps://dc1.example.org"),
            "CN=svc-reset,CN=Users,DC=example,DC=org", "Svc-Pw-1", "DC=example,DC=org");
    private static final LdapSettings OPENLDAP = LdapSettings.openLdap(List.of("ldaps://ldap.example.org:636"),
            "cn=reset-svc,ou=services,dc=example,dc=org", "Svc-Pw-1", "ou=people,dc=example,dc=org");

    static Stream<Arguments> acceptable() {
        return Stream.of(
                arguments("AD defaults", AD),
                arguments("OpenLDAP defaults", OPENLDAP),
                arguments("AD bind as a UPN", new LdapSettings(AD.urls(), "svc-reset@example.org", "pw",
                        AD.baseDn(), null, false, DirectoryFlavor.ACTIVE_DIRECTORY, null, null, null, 0)),
                arguments("plain LDAP to loopback", withUrls(OPENLDAP, "ldap://127.0.0.1:3389")),
                arguments("plain LDAP to localhost", withUrls(OPENLDAP, "ldap://localhost:3389")),
                arguments("fail-over", withUrls(AD, "ldaps://dc1.example.org", "ldaps://dc2.example.org:3269")),
                arguments("an OID as attribute", AD.withUserAttribute("1.2.840.113556.1.4.656", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptable")
    void settingsThatWorkHaveNoProblems(String name, LdapSettings settings) {
        assertThat(settings.problems()).isEmpty();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                arguments("no flavor", new LdapSettings(AD.urls(), AD.bindDn(), "pw", AD.baseDn(), null, false,
                        null, null, null, null, 0), "directory flavor"),
                arguments("no URL", withUrls(AD), "at least one directory URL"),
                arguments("not a URL", withUrls(AD, "dc1.example.org"), "is not an LDAP URL"),
                arguments("plain LDAP over the network", withUrls(OPENLDAP, "ldap://ldap.example.org"),
                        "would send passwords unencrypted"),
                arguments("plain LDAP to AD even on loopback", withUrls(AD, "ldap://127.0.0.1"),
                        "Active Directory only accepts password changes over an encrypted connection"),
                arguments("no host", withUrls(AD, "ldaps:///"), "names no host"),
                arguments("no bind DN", new LdapSettings(AD.urls(), " ", "pw", AD.baseDn(), null, false,
                        DirectoryFlavor.ACTIVE_DIRECTORY, null, null, null, 0), "bind DN"),
                arguments("bind DN not a DN (OpenLDAP)", new LdapSettings(OPENLDAP.urls(), "reset-svc", "pw",
                        OPENLDAP.baseDn(), "uid", true, DirectoryFlavor.OPENLDAP, null, null, null, 0),
                        "is not a valid DN"),
                arguments("no bind password", new LdapSettings(AD.urls(), AD.bindDn(), "", AD.baseDn(), null,
                        false, DirectoryFlavor.ACTIVE_DIRECTORY, null, null, null, 0), "bind password"),
                arguments("base DN not a DN", new LdapSettings(AD.urls(), AD.bindDn(), "pw", "example.org", null,
                        false, DirectoryFlavor.ACTIVE_DIRECTORY, null, null, null, 0), "base DN"),
                arguments("attribute with a space", AD.withUserAttribute("user name", false), "not an attribute name"),
                arguments("a default ppolicy entry for AD", AD.withDefaultPasswordPolicy("cn=default,ou=policies,dc=x"),
                        "for OpenLDAP's ppolicy"),
                arguments("a default ppolicy entry that isn't a DN", OPENLDAP.withDefaultPasswordPolicy("default policy"),
                        "default password policy \"default policy\" is not a valid DN"),
                arguments("zero connect timeout", AD.withTimeouts(Duration.ZERO, null), "connect timeout"),
                arguments("response timeout over 2 min", AD.withTimeouts(null, Duration.ofMinutes(3)),
                        "response timeout"),
                arguments("negative pool", AD.withMaxConnections(-1), "pool size"),
                arguments("huge pool", AD.withMaxConnections(65), "pool size"),
                arguments("missing trust file", AD.withTrustedCertificates(Path.of("/nonexistent/dc.pem")),
                        "can't be read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void eachProblemIsNamedInWordsAnOperatorCanActOn(String name, LdapSettings settings, String expected) {
        assertThat(settings.problems()).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void aTrustFileWithoutACertificateIsAProblem(@TempDir Path temp) throws IOException {
        Path notPem = Files.writeString(temp.resolve("dc.pem"), "this is not a certificate\n");

        assertThat(AD.withTrustedCertificates(notPem).problems())
                .singleElement().asString().contains("holds no PEM certificate");
    }

    @Test
    void aPemCertificateIsAcceptedAsTrust(@TempDir Path temp) throws IOException {
        Path pem = TestCertificate.forLoopbackAddress().writePem(temp.resolve("dc.pem"));

        assertThat(AD.withTrustedCertificates(pem).problems()).isEmpty();
    }

    @Test
    void defaultsFillWhatIsLeftOut() {
        LdapSettings bare = new LdapSettings(null, "cn=x", "pw", "dc=x", null, false, DirectoryFlavor.OPENLDAP,
                null, null, null, 0);

        assertThat(bare.urls()).isEmpty();
        assertThat(bare.userAttribute()).isEqualTo("userPrincipalName");
        assertThat(bare.connectTimeout()).isEqualTo(LdapSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(bare.responseTimeout()).isEqualTo(LdapSettings.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(bare.maxConnections()).isEqualTo(LdapSettings.DEFAULT_MAX_CONNECTIONS);
        assertThat(OPENLDAP.userAttribute()).isEqualTo("uid");
    }

    @Test
    void theLookupValueIsTheUpnOrItsLocalPart() {
        OnPremAccount alice = new OnPremAccount("u1", "alice@example.org");

        assertThat(AD.lookupValue(alice)).isEqualTo("alice@example.org");
        assertThat(OPENLDAP.lookupValue(alice)).isEqualTo("alice");
        assertThat(OPENLDAP.lookupValue(new OnPremAccount("u2", "bob"))).isEqualTo("bob");
    }

    @Test
    void theBindPasswordNeverShowsInTextOrErrors() {
        LdapSettings secret = new LdapSettings(List.of("ldap://ldap.example.org"), "cn=x", "Very-Secret-9", "dc=x",
                null, false, DirectoryFlavor.OPENLDAP, null, null, null, 0);

        assertThat(secret.toString()).doesNotContain("Very-Secret-9").contains("bindPassword=***");
        assertThat(String.join(" ", secret.problems())).doesNotContain("Very-Secret-9");
        assertThatThrownBy(() -> new LdapPasswordWriteback(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unencrypted")
                .hasMessageNotContaining("Very-Secret-9");
    }

    private static LdapSettings withUrls(LdapSettings settings, String... urls) {
        return new LdapSettings(List.of(urls), settings.bindDn(), settings.bindPassword(), settings.baseDn(),
                settings.userAttribute(), settings.matchLocalPart(), settings.flavor(), settings.connectTimeout(),
                settings.responseTimeout(), settings.trustedCertificates(), settings.maxConnections());
    }
}
