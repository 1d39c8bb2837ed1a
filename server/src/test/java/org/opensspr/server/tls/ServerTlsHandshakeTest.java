package org.opensspr.server.tls;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.client.CertificatePinMismatchException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.health.HealthFeature;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.http.Principal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real TLS handshake against the server's generated certificate, through the kiosk's own client. */
class ServerTlsHandshakeTest {
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    private Database db;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aClientPinnedToThePrintedFingerprintConnectsAndKeepsConnectingAfterARestart() {
        db = TestDatabases.H2.fresh();
        ServerCertificate certificate = ServerCertificate.inDataDirectory(data, List.of(), Clock.systemUTC());
        String printed = certificate.fingerprint().toString();

        app = start(certificate);
        assertThat(healthPinnedTo(printed).isUp()).isTrue();

        app.stop();
        ServerCertificate afterRestart = ServerCertificate.inDataDirectory(data, List.of(), Clock.systemUTC());
        app = start(afterRestart);
        assertThat(afterRestart.fingerprint().toString()).isEqualTo(printed);
        assertThat(healthPinnedTo(printed).isUp()).isTrue();
    }

    @Test
    void aClientPinnedToAnotherCertificateRefusesTheServer() {
        db = TestDatabases.H2.fresh();
        ServerCertificate certificate = ServerCertificate.inDataDirectory(data, List.of(), Clock.systemUTC());
        ServerCertificate other = ServerCertificate.inDataDirectory(elsewhere, List.of(), Clock.systemUTC());
        app = start(certificate);

        assertThatThrownBy(() -> healthPinnedTo(other.fingerprint().toString()))
                .isInstanceOfSatisfying(CertificatePinMismatchException.class,
                        e -> assertThat(e.getMessage()).contains(certificate.fingerprint().toString()));
    }

    private Javalin start(ServerCertificate certificate) {
        return new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN)
                .create(new HealthFeature(db, "test").routes(),
                        new ApiServerFactory.Listener("127.0.0.1", 0, certificate.keyStore(), certificate.password()),
                        "test")
                .start();
    }

    private org.opensspr.api.HealthDto healthPinnedTo(String fingerprint) {
        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl("https://127.0.0.1:" + app.port())
                .pinnedCertificate(fingerprint).build()) {
            return client.health();
        }
    }
}
