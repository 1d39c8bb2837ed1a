package org.opensspr.server.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trusted-certificates file: what it accepts, and that it never accepts an issuer's certificate unchecked. */
class SmtpTrustTest {
    @TempDir
    Path files;

    @Test
    void everySocketGetsTheNameCheckBeforeItsHandshake() throws IOException {
        Path trust = TestCertificates.writePem(files.resolve("ca.pem"), TestCertificates.greenMail());
        try (SSLSocket socket = (SSLSocket) SmtpTrust.socketFactory(trust).createSocket()) {
            assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo(SmtpTrust.NAME_CHECK);
        }
    }

    @Test
    void anIssuedCertificateIsRefusedWhenNothingWouldCheckItsName() throws Exception {
        TestCertificates.Issued authority = TestCertificates.authority("Contoso Mail CA");
        TestCertificates.Issued relay = TestCertificates.server(authority, "127.0.0.1");
        X509ExtendedTrustManager trust = SmtpTrust.trustManager(List.of(authority.certificate()));
        X509Certificate[] chain = relay.chain().toArray(X509Certificate[]::new);
        try (SSLSocket unchecked = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
            assertThat(unchecked.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();

            assertThatThrownBy(() -> trust.checkServerTrusted(chain, "ECDHE_ECDSA", unchecked))
                    .isInstanceOf(CertificateException.class).hasMessageContaining("name can't be checked");
            assertThatThrownBy(() -> trust.checkServerTrusted(chain, "ECDHE_ECDSA"))
                    .isInstanceOf(CertificateException.class);
        }
    }

    @Test
    void aPinnedCertificateIsAcceptedWhateverItNames() throws Exception {
        X509Certificate pinned = TestCertificates.selfSignedWithoutNames("relay").certificate();
        X509ExtendedTrustManager trust = SmtpTrust.trustManager(List.of(pinned));
        try (SSLSocket unchecked = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
            trust.checkServerTrusted(new X509Certificate[]{pinned}, "ECDHE_ECDSA", unchecked);
            trust.checkServerTrusted(new X509Certificate[]{pinned}, "ECDHE_ECDSA");
        }
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[]{pinned}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void readsEveryCertificateOfAPemFile() throws Exception {
        Path both = TestCertificates.writePem(files.resolve("both.pem"), TestCertificates.greenMail(),
                TestCertificates.authority("Contoso Mail CA").certificate());

        assertThat(SmtpTrust.readCertificates(both)).hasSize(2);
        assertThat(SmtpTrust.certificateFileProblem(both)).isEmpty();
    }

    @Test
    void aFileWithoutCertificatesIsAProblem() throws IOException {
        Path empty = Files.writeString(files.resolve("empty.pem"), "");
        Path garbage = Files.writeString(files.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnope\n");

        assertThat(SmtpTrust.certificateFileProblem(empty)).get().asString().contains("holds no certificate");
        assertThat(SmtpTrust.certificateFileProblem(garbage)).get().asString().contains("is not a PEM or DER");
    }
}
