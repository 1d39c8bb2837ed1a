package org.opensspr.server.siem;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Which collectors we believe: one whose certificate chains to an authority of the operator's PEM file, or,
 * without one, to an authority the JDK trusts. The host name check is switched on per connection
 * ({@link SyslogConnection}); nothing here accepts a certificate on other grounds.
 */
final class SiemTrust {
    private SiemTrust() {
    }

    static Optional<String> caFileProblem(Path file) {
        try {
            if (readCertificates(file).isEmpty()) {
                return Optional.of("The SIEM CA file " + file + " holds no certificate.");
            }
            return Optional.empty();
        } catch (IOException | CertificateException e) {
            return Optional.of("The SIEM CA file " + file + " can't be read as PEM certificates: " + e.getMessage());
        }
    }

    /** TLS sockets that trust the file's authorities, or the JDK's when {@code caFile} is null. */
    static SSLSocketFactory socketFactory(Path caFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caFile == null ? null : anchors(readCertificates(caFile)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Can't set up TLS to the SIEM with " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore anchors(List<X509Certificate> authorities) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
            store.setCertificateEntry("siem-ca-" + i, authorities.get(i));
        }
        return store;
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
        }
    }
}
