package org.opensspr.client;

import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.CertificateFingerprint;
import org.opensspr.api.HealthDto;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificate pinning and TLS failures against a real HTTPS server with a self-signed certificate. */
class ClientTlsTest {

    private static final String HEALTH_JSON = "{\"status\":\"UP\",\"version\":\"1.2.3\"}";

    private TestServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static HeldCertificate selfSigned(String hostName) {
        return new HeldCertificate.Builder().commonName("OpenSSPR " + hostName).addSubjectAlternativeName(hostName).build();
    }

    private TestServer startHttps(HeldCertificate certificate) {
        server = TestServer.https(certificate).replyJson("GET", ApiPaths.HEALTH, 200, HEALTH_JSON);
        return server;
    }

    @Test
    void healthOverHttpsWithTheRightPinIsParsed() {
        HeldCertificate certificate = selfSigned("localhost");
        startHttps(certificate);
        CertificateFingerprint fingerprint = CertificateFingerprint.of(certificate.certificate());

        // As the server prints it, as plain lower-case hex, and as lower case with colons.
        for (Function<CertificateFingerprint, String> form : java.util.List.<Function<CertificateFingerprint, String>>of(
                CertificateFingerprint::toString,
                CertificateFingerprint::toHex,
                f -> f.toString().toLowerCase(Locale.ROOT))) {
            try (OpenSsprClient client = OpenSsprClient.builder()
                    .baseUrl(server.baseUrl())
                    .pinnedCertificate(form.apply(fingerprint))
                    .build()) {
                assertThat(client.health()).isEqualTo(new HealthDto("UP", "1.2.3"));
            }
        }
        assertThat(server.received()).hasSize(3).allSatisfy(r -> assertThat(r.path()).isEqualTo(ApiPaths.HEALTH));
    }

    @Test
    void withAPinTheCertificatesHostNameDoesNotMatter() {
        // Issued for a name that is not the address the client connects to (127.0.0.1).
        HeldCertificate certificate = selfSigned("sspr.example.org");
        startHttps(certificate);

        try (OpenSsprClient client = OpenSsprClient.builder()
                .baseUrl(server.baseUrl())
                .pinnedCertificate(CertificateFingerprint.of(certificate.certificate()))
                .build()) {
            assertThat(client.health().isUp()).isTrue();
        }
    }

    @Test
    void aWrongPinIsRefusedNamingBothFingerprints() {
        HeldCertificate certificate = selfSigned("localhost");
        startHttps(certificate);
        CertificateFingerprint presented = CertificateFingerprint.of(certificate.certificate());
        CertificateFingerprint pinned = CertificateFingerprint.of(selfSigned("localhost").certificate());

        try (OpenSsprClient client = OpenSsprClient.builder()
                .baseUrl(server.baseUrl())
                .pinnedCertificate(pinned)
                .build()) {
            CertificatePinMismatchException e = Thrown.by(CertificatePinMismatchException.class, client::health);

            assertThat(e.expected()).isEqualTo(pinned);
            assertThat(e.presented()).isEqualTo(presented);
            assertThat(e.getMessage()).contains(pinned.toString(), presented.toString(), server.baseUrl());
        }
        assertThat(server.received()).as("no request leaves before the server is trusted").isEmpty();
    }

    @Test
    void withoutAPinASelfSignedServerFailsTheHandshakeAndSaysWhatItPresented() {
        HeldCertificate certificate = selfSigned("localhost");
        startHttps(certificate);
        CertificateFingerprint presented = CertificateFingerprint.of(certificate.certificate());

        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl(server.baseUrl()).build()) {
            TlsFailureException e = Thrown.by(TlsFailureException.class, client::health);

            assertThat(e.presentedFingerprint()).contains(presented);
            assertThat(e.getMessage()).contains(presented.toString()).contains("pin");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void httpsToAServerThatAnswersInPlainTextIsATlsFailure() throws Exception {
        // What a plain HTTP server such as a reverse proxy's http port says to a TLS hello.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ExecutorService acceptor = Executors.newVirtualThreadPerTaskExecutor()) {
            acceptor.submit(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            });

            try (OpenSsprClient client = OpenSsprClient.builder()
                    .baseUrl("https://127.0.0.1:" + plain.getLocalPort())
                    .build()) {
                TlsFailureException e = Thrown.by(TlsFailureException.class, client::health);

                assertThat(e.presentedFingerprint()).isEmpty();
                assertThat(e.getMessage()).contains("secure connection", "127.0.0.1:" + plain.getLocalPort());
            }
        }
    }

    @Test
    void aPinNeedsHttps() {
        String pin = CertificateFingerprint.of(selfSigned("localhost").certificate()).toString();

        assertThatThrownBy(() -> OpenSsprClient.builder().baseUrl("http://127.0.0.1:8080").pinnedCertificate(pin).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }
}
