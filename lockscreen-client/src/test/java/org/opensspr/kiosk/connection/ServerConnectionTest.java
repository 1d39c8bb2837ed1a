package org.opensspr.kiosk.connection;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.CertificateFingerprint;
import org.opensspr.client.CertificatePinMismatchException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.KioskOptions;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the kiosk reaches a real HTTPS server: on the embedded default it pins the certificate from the
 * server's data directory; an enrolled kiosk pins what it stored; anything else must enroll first.
 */
class ServerConnectionTest {
    @TempDir
    static Path data;
    private static OpenSsprServer server;

    @BeforeAll
    static void startTlsServer() {
        server = OpenSsprServer.open(new ServerConfig(data, "127.0.0.1", 0,
                "jdbc:h2:mem:k" + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", "", false, null, null, true, false, null, null)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theEmbeddedDefaultPinsTheCertificateFromTheDataDirectory(@TempDir Path settings) {
        assertThat(server.url()).startsWith("https://");
        assertThat(EmbeddedServerPin.read(data)).contains(CertificateFingerprint.parse(server.fingerprintText()));

        ServerConnection.Plan plan = ServerConnection.plan(
                KioskOptions.parse("--server", server.url(), "--data", data.toString(), "--settings", settings.toString()),
                new CredentialStore(settings));

        assertThat(plan).isInstanceOfSatisfying(ServerConnection.Plan.Ready.class, ready -> {
            assertThat(ready.how()).startsWith("embedded server");
            try (OpenSsprClient client = ready.client()) {
                assertThat(client.health()).isNotNull();
            }
        });
    }

    @Test
    void withoutTheDataDirectoryOrACredentialTheKioskMustEnroll(@TempDir Path settings, @TempDir Path elsewhere) {
        ServerConnection.Plan plan = ServerConnection.plan(
                KioskOptions.parse("--server", server.url(), "--data", elsewhere.toString(), "--settings", settings.toString()),
                new CredentialStore(settings));
        assertThat(plan).isEqualTo(new ServerConnection.Plan.NeedsEnrollment(server.url()));
    }

    @Test
    void theProbeShowsTheCertificateTheServerPresents() throws IOException {
        assertThat(CertificateProbe.presented(server.url()).toString()).isEqualTo(server.fingerprintText());
    }

    @Test
    void aStoredCredentialIsKeptOwnerOnlyAndItsPinIsEnforced(@TempDir Path settings) throws IOException {
        CredentialStore store = new CredentialStore(settings.resolve("kiosk"));
        store.save(new StoredCredential(server.url(), "k-1", "Reception 1", "k.not-a-real-credential",
                "00:" .repeat(31) + "00"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())))
                .isEqualTo("rwx------");
        assertThat(store.load(server.url() + "/")).isPresent();
        assertThat(store.load("https://other.example:8443")).as("another server's credential").isEmpty();

        ServerConnection.Plan plan = ServerConnection.plan(
                KioskOptions.parse("--server", server.url(), "--settings", settings.resolve("kiosk").toString()), store);
        assertThat(plan).isInstanceOfSatisfying(ServerConnection.Plan.Ready.class, ready -> {
            assertThat(ready.how()).isEqualTo("enrolled as kiosk 'Reception 1'");
            try (OpenSsprClient client = ready.client()) {
                assertThatThrownBy(client::health).as("a certificate other than the pinned one")
                        .isInstanceOf(CertificatePinMismatchException.class);
            }
        });
    }
}
