package org.opensspr.server.delivery;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * TLS trust for a relay whose certificate the system's authorities don't vouch for. The operator's
 * file holds certificates: one the relay presents as its own is pinned (the relay proved it holds that
 * very key, so its names don't matter — self-signed relays often name nothing useful); any other is a
 * trusted issuer, and a certificate it issued must also name the host we dialled. Nothing here turns
 * verification off: every other certificate is refused.
 */
final class SmtpTrust {
    /** RFC 6125 name matching as the JDK applies it to LDAP and mail servers. */
    static final String NAME_CHECK = "LDAPS";

    private SmtpTrust() {
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
        }
    }

    static Optional<String> certificateFileProblem(Path file) {
        try {
            if (readCertificates(file).isEmpty()) {
                return Optional.of("The SMTP trusted-certificates file " + file + " holds no certificate.");
            }
            return Optional.empty();
        } catch (IOException | CertificateException e) {
            return Optional.of("The SMTP trusted-certificates file " + file
                    + " is not a PEM or DER certificate file: " + e.getMessage());
        }
    }

    /** A socket factory that trusts only the file's certificates, as described above. */
    static SSLSocketFactory socketFactory(Path file) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustManager(readCertificates(file))}, null);
            return new NameCheckingSocketFactory(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Can't use the SMTP trusted-certificates file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Pins every certificate of the file and trusts each as an issuer too. */
    static X509ExtendedTrustManager trustManager(List<X509Certificate> certificates)
            throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            anchors.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager issuers) {
                return new PinningTrustManager(certificates, issuers);
            }
        }
        throw new IllegalStateException("The JDK offers no X.509 trust manager");
    }

    static boolean pinned(List<X509Certificate> pins, Certificate presented) {
        return pins.stream().anyMatch(pin -> pin.equals(presented));
    }

    /** Pinned certificate: accepted if in date. Anything else: the issuers decide, with the name check on. */
    private static final class PinningTrustManager extends X509ExtendedTrustManager {
        private final List<X509Certificate> pins;
        private final X509ExtendedTrustManager issuers;

        PinningTrustManager(List<X509Certificate> pins, X509ExtendedTrustManager issuers) {
            this.pins = List.copyOf(pins);
            this.issuers = issuers;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            if (acceptPinned(chain)) {
                return;
            }
            SSLParameters parameters = socket instanceof SSLSocket ssl ? ssl.getSSLParameters() : null;
            requireNameCheck(parameters);
            issuers.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (acceptPinned(chain)) {
                return;
            }
            requireNameCheck(engine == null ? null : engine.getSSLParameters());
            issuers.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (!acceptPinned(chain)) {
                throw new CertificateException("The relay's certificate is not pinned and its name can't be checked");
            }
        }

        private boolean acceptPinned(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !pinned(pins, chain[0])) {
                return false;
            }
            chain[0].checkValidity();
            return true;
        }

        /** Fail closed: a certificate that isn't pinned is only accepted together with a check of its names. */
        private static void requireNameCheck(SSLParameters parameters) throws CertificateException {
            if (parameters == null || parameters.getEndpointIdentificationAlgorithm() == null) {
                throw new CertificateException("The relay's name can't be checked on this connection");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("The mail sender accepts no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("The mail sender accepts no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The mail sender accepts no clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.getAcceptedIssuers();
        }
    }

    /** Turns the JDK's host name check on for every socket, before any handshake. */
    private static final class NameCheckingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        NameCheckingSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket checked(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm(NAME_CHECK);
                ssl.setSSLParameters(parameters);
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return checked(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return checked(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checked(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checked(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return checked(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
