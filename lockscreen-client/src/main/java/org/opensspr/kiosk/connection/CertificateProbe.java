package org.opensspr.kiosk.connection;

import org.opensspr.api.CertificateFingerprint;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * Asks a server which certificate it presents, without trusting it for anything: the kiosk shows the
 * fingerprint at enrollment so the person enrolling can compare it with the one the server printed,
 * and only then pins it. Nothing but the handshake is sent.
 */
public final class CertificateProbe {
    private static final int TIMEOUT_MILLIS = 5000;

    private CertificateProbe() {
    }

    /** @throws IOException when the server can't be reached or doesn't speak TLS */
    public static CertificateFingerprint presented(String serverUrl) throws IOException {
        URI uri = URI.create(serverUrl.strip());
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new RecordOnly()}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                return CertificateFingerprint.of((X509Certificate) chain[0]);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    /** Accepts any certificate: the probe only reads it; the real connection pins what the person confirmed. */
    private static final class RecordOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
