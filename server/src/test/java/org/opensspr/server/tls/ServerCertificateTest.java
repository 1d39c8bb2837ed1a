package org.opensspr.server.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.CertificateFingerprint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCertificateTest {
    private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void firstStartIssuesAnEcP256CertificateForTenYearsNamingThisMachine() throws Exception {
        ServerCertificate server = ServerCertificate.inDataDirectory(data,
                List.of("sspr.example.org", "192.0.2.10", "2001:db8::5"), CLOCK);
        X509Certificate certificate = server.certificate();
        String host = SelfSignedCertificates.localHostName();

        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getPublicKey()).isInstanceOfSatisfying(ECPublicKey.class,
                key -> assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2036-11-03T10:00:00Z"));
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(SelfSignedCertificates.BACKDATE));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=OpenSSPR server " + host);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(alternativeNames(certificate)).containsExactlyInAnyOrder("2:localhost", "7:127.0.0.1",
                "7:0:0:0:0:0:0:0:1", "2:" + host, "2:sspr.example.org", "7:192.0.2.10", "7:2001:db8:0:0:0:0:0:5");
        assertThat(server.fingerprint()).isEqualTo(CertificateFingerprint.of(certificate));
        assertThat(server.fingerprint().toString()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void keystoreAndPasswordAreOwnerOnlyAndTheKeystoreOpensWithThatPassword() throws Exception {
        ServerCertificate server = ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Path directory = data.resolve("tls");
        Path keyStore = directory.resolve("server.p12");
        Path password = directory.resolve("server.p12.password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(password).strip()).hasSizeGreaterThanOrEqualTo(43)
                .isEqualTo(new String(server.password()));
        assertThat(ServerCertificate.provided(keyStore, Files.readString(password).strip().toCharArray()).fingerprint())
                .isEqualTo(server.fingerprint());
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("server.p12",
                    "server.p12.password");
        }
    }

    @Test
    void laterStartsLoadTheSameCertificateAndNarrowWidenedPermissions() throws Exception {
        ServerCertificate first = ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Path keyStore = data.resolve("tls/server.p12");
        Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-r--r--"));

        ServerCertificate second = ServerCertificate.inDataDirectory(data, List.of("added-later.example.org"),
                Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC));

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.keyStore().isKeyEntry(ServerCertificate.ALIAS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
    }

    @Test
    void aKeystoreWithoutItsPasswordFileIsNotSilentlyReplaced() throws IOException {
        ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Files.delete(data.resolve("tls/server.p12.password"));

        assertThatThrownBy(() -> ServerCertificate.inDataDirectory(data, List.of(), CLOCK))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("not its password file");
        assertThat(data.resolve("tls/server.p12")).exists();
    }

    @Test
    void anExtraNameThatIsNeitherAHostNorAnAddressIsRefused() {
        assertThatThrownBy(() -> ServerCertificate.inDataDirectory(data, List.of("not a host!"), CLOCK))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("'not a host!'");
        assertThatThrownBy(() -> ServerCertificate.inDataDirectory(data, List.of("10.1.2"), CLOCK))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("four numbers");
        assertThat(data.resolve("tls/server.p12")).doesNotExist();
    }

    @Test
    void aProvidedKeystoreIsServedUnderTheServersAliasWithItsOwnFingerprint() throws Exception {
        ServerCertificate generated = ServerCertificate.inDataDirectory(data.resolve("a"), List.of(), CLOCK);
        Path provided = data.resolve("provided.p12");
        char[] password = "correct horse".toCharArray();
        write(provided, password, store -> store.setKeyEntry("zz-company", privateKeyOf(generated), password,
                generated.keyStore().getCertificateChain(ServerCertificate.ALIAS)));

        ServerCertificate loaded = ServerCertificate.provided(provided, password);

        assertThat(loaded.fingerprint()).isEqualTo(generated.fingerprint());
        assertThat(Collections.list(loaded.keyStore().aliases())).containsExactly(ServerCertificate.ALIAS);
        assertThat(loaded.password()).isEqualTo(password);
    }

    @Test
    void aMissingProvidedKeystoreSaysSo() {
        Path missing = data.resolve("nope.p12");

        assertThatThrownBy(() -> ServerCertificate.provided(missing, "x".toCharArray()))
                .isInstanceOf(TlsSetupException.class).hasMessage("The TLS keystore " + missing + " does not exist.");
    }

    @Test
    void aWrongPasswordSaysSoWithoutShowingAnyPassword() throws Exception {
        ServerCertificate generated = ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Path file = data.resolve("tls/server.p12");

        assertThatThrownBy(() -> ServerCertificate.provided(file, "guess-Number-1".toCharArray()))
                .isInstanceOf(TlsSetupException.class)
                .hasMessage("The password for the TLS keystore " + file + " is wrong.")
                .message().doesNotContain(new String(generated.password()));
    }

    @Test
    void aKeystoreWithOnlyCertificatesSaysItHasNoPrivateKey() throws Exception {
        ServerCertificate generated = ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Path file = data.resolve("certificates-only.p12");
        char[] password = "pw".toCharArray();
        write(file, password, store -> store.setCertificateEntry("ca", generated.certificate()));

        assertThatThrownBy(() -> ServerCertificate.provided(file, password))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("has no private key entry");
    }

    @Test
    void aKeyWithAnotherPasswordThanTheKeystoreSaysSo() throws Exception {
        ServerCertificate generated = ServerCertificate.inDataDirectory(data, List.of(), CLOCK);
        Path file = data.resolve("two-passwords.p12");
        char[] storePassword = "store-pw".toCharArray();
        write(file, storePassword, store -> store.setKeyEntry("server", privateKeyOf(generated),
                "key-pw".toCharArray(), new Certificate[] {generated.certificate()}));

        assertThatThrownBy(() -> ServerCertificate.provided(file, storePassword))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("another password than the keystore");
    }

    @Test
    void aFileThatIsNotPkcs12SaysSo() throws IOException {
        Path file = data.resolve("server.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> ServerCertificate.provided(file, "pw".toCharArray()))
                .isInstanceOf(TlsSetupException.class).hasMessage("The TLS keystore " + file
                        + " is not a readable PKCS#12 file.");
    }

    private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(n -> n.get(0) + ":" + n.get(1)).toList();
    }

    private static java.security.PrivateKey privateKeyOf(ServerCertificate server) throws Exception {
        return (java.security.PrivateKey) server.keyStore().getKey(ServerCertificate.ALIAS, server.password());
    }

    private interface Filler {
        void fill(KeyStore store) throws Exception;
    }

    private static void write(Path file, char[] password, Filler filler) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        filler.fill(store);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        Files.write(file, out.toByteArray());
    }
}
