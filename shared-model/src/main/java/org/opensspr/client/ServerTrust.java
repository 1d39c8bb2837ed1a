package org.opensspr.client;

import org.opensspr.api.CertificateFingerprint;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * How the client decides to trust the server's certificate: exactly one pinned certificate, or the
 * system's trust store. Both report the presented certificate's fingerprint when they refuse it, so
 * that the client can say what it saw.
 */
final class ServerTrust {

    private ServerTrust() {
    }

    /** Trusts exactly the certificate with this fingerprint, whoever issued it. */
    static X509ExtendedTrustManager pinned(CertificateFingerprint pin) {
        return new PinnedTrustManager(pin);
    }

    /** Trusts what the system trusts (the JDK's default trust store and its path validation). */
    static X509ExtendedTrustManager system() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return new SystemTrustManager(x509);
                }
            }
            throw new IllegalStateException("The JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the system trust store", e);
        }
    }

    static SSLContext sslContext(X509ExtendedTrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS", e);
        }
    }

    /** The pinned certificate was not the one presented. */
    static final class PinMismatch extends CertificateException {
        final CertificateFingerprint expected;
        final CertificateFingerprint presented;

        PinMismatch(CertificateFingerprint expected, CertificateFingerprint presented) {
            super("Server certificate " + presented + " is not the pinned " + expected);
            this.expected = expected;
            this.presented = presented;
        }
    }

    /** The system trust store refused the presented certificate. */
    static final class Untrusted extends CertificateException {
        final CertificateFingerprint presented;

        Untrusted(CertificateFingerprint presented, CertificateException cause) {
            super("Server certificate " + presented + " is not trusted: " + cause.getMessage(), cause);
            this.presented = presented;
        }
    }

    private static X509Certificate leaf(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server presented no certificate");
        }
        return chain[0];
    }

    /**
     * Extends {@link X509ExtendedTrustManager} so that the JDK uses it as is and adds no checks of its
     * own. The pin names one certificate: neither its issuer, its validity dates nor the host name
     * matter (the server's self-signed certificate is replaced by re-pinning, not by expiry), and the
     * handshake proves the server holds that certificate's private key.
     */
    private static final class PinnedTrustManager extends X509ExtendedTrustManager {
        private final CertificateFingerprint pin;

        PinnedTrustManager(CertificateFingerprint pin) {
            this.pin = pin;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            CertificateFingerprint presented = CertificateFingerprint.of(leaf(chain));
            if (!presented.equals(pin)) {
                throw new PinMismatch(pin, presented);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The system's trust manager, unchanged, except that a refusal names the presented certificate. */
    private static final class SystemTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        SystemTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private static void checked(X509Certificate[] chain, Check check) throws CertificateException {
            try {
                check.run();
            } catch (CertificateException refused) {
                throw new Untrusted(CertificateFingerprint.of(leaf(chain)), refused);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checked(chain, () -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checked(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checked(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
