package org.opensspr.client;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.opensspr.api.CertificateFingerprint;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Configures an {@link OpenSsprClient}; {@link #build()} checks everything. */
public final class OpenSsprClientBuilder {
    private String baseUrl;
    private Duration connectTimeout = OpenSsprClient.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = OpenSsprClient.DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = OpenSsprClient.DEFAULT_CALL_TIMEOUT;
    private CertificateFingerprint pin;
    private Supplier<String> credentials = () -> null;
    private String userAgent = defaultUserAgent();

    OpenSsprClientBuilder() {
    }

    /**
     * The server's address, for example {@code https://sspr.example.org:8443} (a path prefix is kept).
     * Must be https, except to this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}).
     */
    public OpenSsprClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return this;
    }

    /** How long to wait for a connection (and TLS handshake). Default 5 s. */
    public OpenSsprClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** How long to wait for each read and write on a connection. Default 15 s. */
    public OpenSsprClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /** How long a whole call may take, connecting and reading included. Default 30 s. */
    public OpenSsprClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * Trusts exactly the server certificate with this SHA-256 fingerprint (as the server printed it:
     * hex, with or without colons, any case), even though it is self-signed, and nothing else.
     *
     * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
     */
    public OpenSsprClientBuilder pinnedCertificate(String sha256Fingerprint) {
        return pinnedCertificate(CertificateFingerprint.parse(sha256Fingerprint));
    }

    public OpenSsprClientBuilder pinnedCertificate(CertificateFingerprint fingerprint) {
        this.pin = Objects.requireNonNull(fingerprint, "fingerprint");
        return this;
    }

    /** A fixed bearer token (a kiosk's device credential, or a session token kept elsewhere). */
    public OpenSsprClientBuilder bearerToken(String token) {
        Objects.requireNonNull(token, "token");
        return credentials(() -> token);
    }

    /**
     * Where to get the bearer token for each call (returns null for none), for credentials that
     * change while the client lives. A session from {@link OpenSsprClient#signIn} takes precedence.
     */
    public OpenSsprClientBuilder credentials(Supplier<String> tokenSupplier) {
        this.credentials = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
        return this;
    }

    public OpenSsprClientBuilder userAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("The user agent must not be blank");
        }
        this.userAgent = userAgent;
        return this;
    }

    /**
     * @throws IllegalArgumentException for a missing or unusable base URL, plain http to another
     *                                  machine, or a pin with plain http
     */
    public OpenSsprClient build() {
        HttpUrl url = checkedBaseUrl();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                // An API call that is redirected is a misconfiguration, not something to follow.
                .followRedirects(false)
                .followSslRedirects(false);
        if (url.isHttps()) {
            X509ExtendedTrustManager trust = pin != null ? ServerTrust.pinned(pin) : ServerTrust.system();
            SSLContext tls = ServerTrust.sslContext(trust);
            http.sslSocketFactory(tls.getSocketFactory(), trust);
            if (pin != null) {
                // The pin already names the one certificate to accept, and the handshake proves the
                // server holds its private key: nothing else can answer. The server's self-signed
                // certificate can't know every name or address kiosks use to reach it (an IP, a DNS
                // alias), so checking the host name would only refuse the right server.
                http.hostnameVerifier((hostname, session) -> true);
            }
        }
        String normalized = url.toString();
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return new OpenSsprClient(credentials, userAgent, normalized, http);
    }

    private HttpUrl checkedBaseUrl() {
        if (baseUrl == null) {
            throw new IllegalArgumentException("Set the server's base URL");
        }
        HttpUrl url = HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("The base URL must not contain a user name or password");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("The base URL must not have a query or fragment: " + baseUrl);
        }
        if (!url.isHttps()) {
            if (pin != null) {
                throw new IllegalArgumentException("A pinned certificate needs an https URL, not " + baseUrl);
            }
            if (!isLoopback(url.host())) {
                throw new IllegalArgumentException("Plain http is allowed only to this machine (localhost, "
                        + "127.0.0.0/8, ::1); use https to reach " + url.host());
            }
        }
        return url;
    }

    /** Without a name lookup: only "localhost" and loopback address literals count. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static Duration positive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + timeout);
        }
        return timeout;
    }

    private static String defaultUserAgent() {
        String version = OpenSsprClient.class.getPackage().getImplementationVersion();
        return "OpenSSPR-Client/" + (version == null ? "dev" : version);
    }
}
