package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Attribute;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Active Directory flavor over LDAPS (certificate and host name verified against a PEM file) to
 * UnboundID's in-memory directory, made to answer like AD by {@link AdEmulator}. The replies mimic a
 * real Samba AD DC's; the test against Samba itself comes with the on-premises connector issue.
 */
class ActiveDirectoryWritebackTest {
    private static final String OLD = "Old-Passw0rd";
    private static final String NEW = "New-Passw0rd!";
    private static final OnPremAccount ALICE = new OnPremAccount("user-alice", "alice@example.test");

    @TempDir
    Path temp;

    private final AdEmulator ad = new AdEmulator();
    private final TestCertificate certificate = TestCertificate.forLoopbackAddress();
    private TestDirectory directory;
    private String aliceDn;
    private LdapPasswordWriteback writeback;

    @BeforeEach
    void start() throws IOException {
        directory = TestDirectory.tls(certificate, ad);
        ad.attach(directory.server());
        aliceDn = directory.addUser("alice", "alice@example.test", OLD);
        writeback = new LdapPasswordWriteback(settings(certificate.writePem(temp.resolve("dc.pem"))));
    }

    @AfterEach
    void stop() {
        writeback.close();
        directory.close();
    }

    private LdapSettings settings(Path trusted) {
        return LdapSettings.activeDirectory(List.of(directory.url()), TestDirectory.SERVICE_DN,
                        TestDirectory.SERVICE_PASSWORD, TestDirectory.BASE_DN)
                .withTrustedCertificates(trusted)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aResetWritesUnicodePwdAsAQuotedUtf16LittleEndianString() {
        String password = "Pässwörd-€1"; // outside ASCII and Latin-1, so the encoding shows

        WritebackResult result = writeback.resetPassword(ALICE, password, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(ad.decodedPasswords()).containsExactly(password);
        assertThat(ad.rawValues()).singleElement()
                .isEqualTo(("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE));
        assertThat(ad.rawValues().getFirst()).startsWith(0x22, 0x00, 'P', 0x00, 0xE4, 0x00);
        assertThat(directory.canBind(aliceDn, password)).isTrue();
        assertThat(directory.canBind(aliceDn, OLD)).isFalse();
    }

    @Test
    void aTooShortPasswordIsRejectedWithAdsConstraintViolationMessage() {
        WritebackResult result = writeback.resetPassword(ALICE, "Sh0rt!", false);

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(AdEmulator.TOO_SHORT));
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void aResetIsAnAdminResetSoHistoryDoesNotApplyButAChangeIsAUserChangeAndItDoes() {
        assertThat(writeback.resetPassword(ALICE, NEW, false)).isEqualTo(WritebackResult.DONE);

        assertThat(writeback.changePassword(ALICE, NEW, OLD))
                .isEqualTo(new WritebackResult.RejectedByPolicy(AdEmulator.IN_HISTORY));
        assertThat(writeback.resetPassword(ALICE, OLD, false)).isEqualTo(WritebackResult.DONE);
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void aChangeDeletesTheOldAndAddsTheNewValueInOneModify() {
        WritebackResult result = writeback.changePassword(ALICE, OLD, NEW);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(ad.decodedPasswords()).containsExactly(OLD, NEW);
        assertThat(directory.canBind(aliceDn, NEW)).isTrue();
    }

    @Test
    void aChangeWithAWrongCurrentPasswordIsRejectedWithAdsMessage() {
        WritebackResult result = writeback.changePassword(ALICE, "Not-The-Passw0rd", NEW);

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(AdEmulator.OLD_DOESNT_MATCH));
        assertThat(directory.canBind(aliceDn, OLD)).isTrue();
    }

    @Test
    void unlockSetsLockoutTimeToZeroAndTheUserCanBindAgain() {
        String bobDn = directory.addUser("bob", "bob@example.test", OLD, new Attribute("lockoutTime", "134397767663731690"));
        assertThat(directory.canBind(bobDn, OLD)).isFalse();

        WritebackResult result = writeback.unlock(new OnPremAccount("user-bob", "bob@example.test"));

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(directory.entry(bobDn).getAttributeValue("lockoutTime")).isEqualTo("0");
        assertThat(directory.canBind(bobDn, OLD)).isTrue();
    }

    @Test
    void aResetAlsoUnlocksTheAccountSoTheNewPasswordBindsAtOnce() {
        String bobDn = directory.addUser("bob", "bob@example.test", OLD, new Attribute("lockoutTime", "134397767663731690"));

        WritebackResult result = writeback.resetPassword(new OnPremAccount("user-bob", "bob@example.test"), NEW, false);

        assertThat(result).isEqualTo(WritebackResult.DONE);
        assertThat(directory.entry(bobDn).getAttributeValue("lockoutTime")).isEqualTo("0");
        assertThat(directory.canBind(bobDn, NEW)).isTrue();
    }

    @Test
    void aRefusedResetLeavesTheLockoutAsItWasBecauseBothAreOneModify() {
        String bobDn = directory.addUser("bob", "bob@example.test", OLD, new Attribute("lockoutTime", "134397767663731690"));

        WritebackResult result = writeback.resetPassword(new OnPremAccount("user-bob", "bob@example.test"), "Sh0rt!", false);

        assertThat(result).isEqualTo(new WritebackResult.RejectedByPolicy(AdEmulator.TOO_SHORT));
        assertThat(directory.entry(bobDn).getAttributeValue("lockoutTime")).isEqualTo("134397767663731690");
    }

    @Test
    void aProtectedAccountIsRefusedWithoutTouchingTheDirectory() {
        String adminDn = directory.addUser("da", "da@example.test", OLD, new Attribute("adminCount", "1"),
                new Attribute("lockoutTime", "134397767663731690"));
        OnPremAccount admin = new OnPremAccount("user-da", "da@example.test");

        assertThat(writeback.resetPassword(admin, NEW, false)).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(writeback.unlock(admin)).isInstanceOf(WritebackResult.RejectedByPolicy.class);
        assertThat(ad.decodedPasswords()).isEmpty();
        assertThat(directory.entry(adminDn).getAttributeValue("lockoutTime")).isEqualTo("134397767663731690");
    }

    @Test
    void anAccountWithNoEntryIsNotFound() {
        assertThat(writeback.resetPassword(new OnPremAccount("user-x", "nobody@example.test"), NEW, false))
                .isEqualTo(WritebackResult.NOT_FOUND);
    }

    @Test
    void aCertificateNotInTheTrustedFileIsRefused() throws IOException {
        Path other = TestCertificate.forLoopbackAddress().writePem(temp.resolve("other.pem"));
        try (LdapPasswordWriteback untrusting = new LdapPasswordWriteback(settings(other))) {
            WritebackResult result = untrusting.resetPassword(ALICE, NEW, false);

            assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) result).mayHaveApplied()).isFalse();
        }
        assertThat(ad.decodedPasswords()).isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws IOException {
        TestCertificate elsewhere = TestCertificate.issue(new GeneralName(GeneralName.dNSName, "dc9.elsewhere.test"));
        try (TestDirectory impostor = TestDirectory.tls(elsewhere);
             LdapPasswordWriteback checking = new LdapPasswordWriteback(LdapSettings.activeDirectory(
                             List.of(impostor.url()), TestDirectory.SERVICE_DN, TestDirectory.SERVICE_PASSWORD,
                             TestDirectory.BASE_DN)
                     .withTrustedCertificates(elsewhere.writePem(temp.resolve("elsewhere.pem"))))) {
            impostor.addUser("alice", "alice@example.test", OLD);

            WritebackResult result = checking.resetPassword(ALICE, NEW, false);

            assertThat(result).isInstanceOf(WritebackResult.Unavailable.class);
            assertThat(((WritebackResult.Unavailable) result).why()).contains("does not name 127.0.0.1");
            assertThat(impostor.canBind("uid=alice,ou=people," + TestDirectory.BASE_DN, OLD)).isTrue();
        }
    }
}
