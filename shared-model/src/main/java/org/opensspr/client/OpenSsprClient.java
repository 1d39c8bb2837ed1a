package org.opensspr.client;

import com.fasterxml.jackson.core.type.TypeReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.CertificateFingerprint;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.HealthDto;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.TicketRequest;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.api.KioskCreateRequest;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyRollbackRequest;
import org.opensspr.api.PolicyUpdateRequest;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.api.Json;
import org.opensspr.api.SessionDto;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The OpenSSPR server's API for the admin console and the kiosk. Every failure is an
 * {@link OpenSsprException}. Thread-safe; {@link #close()} releases its connections.
 *
 * <pre>{@code
 * try (OpenSsprClient client = OpenSsprClient.builder()
 *         .baseUrl("https://sspr.example.org:8443")
 *         .pinnedCertificate("3F:A0:…")            // the fingerprint the server printed
 *         .build()) {
 *     client.signIn(new AdminSignInRequest("admin", password, totp));
 *     ...
 * }
 * }</pre>
 */
public final class OpenSsprClient implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    /** The generic core; typed methods (here and in later parts of the API) are thin calls into it. */
    final ApiTransport transport;
    private final Supplier<String> credentials;
    private final AtomicReference<String> sessionToken = new AtomicReference<>();

    private OpenSsprClient(Builder builder, String baseUrl, OkHttpClient.Builder http) {
        this.credentials = builder.credentials;
        this.transport = new ApiTransport(http, Json.newMapper(), baseUrl, builder.userAgent, this::currentToken);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the server is up, and its version. Needs no sign-in. */
    public HealthDto health() {
        return transport.get(ApiPaths.HEALTH, HealthDto.class);
    }

    /**
     * Signs an administrator in. From then on this client sends the session's token with every call,
     * until {@link #signOut()}.
     *
     * @throws OpenSsprApiException with {@link ErrorCode#INVALID_CREDENTIALS}, {@link ErrorCode#ACCOUNT_LOCKED}, …
     */
    public SessionDto signIn(AdminSignInRequest request) {
        Objects.requireNonNull(request, "request");
        SessionDto session = transport.post(ApiPaths.ADMIN_SESSION, request, SessionDto.class);
        sessionToken.set(session.token());
        return session;
    }

    /**
     * Ends the session on the server and forgets it here. The client forgets the session even when
     * the server can't be told; a session the server already ended counts as signed out. Does
     * nothing when there are no credentials to sign out.
     */
    public void signOut() {
        String token = currentToken();
        if (token == null) {
            return;
        }
        try {
            transport.delete(ApiPaths.ADMIN_SESSION, Void.class);
        } catch (OpenSsprApiException e) {
            if (e.code() != ErrorCode.UNAUTHENTICATED && e.code() != ErrorCode.SESSION_EXPIRED) {
                throw e;
            }
        } finally {
            sessionToken.compareAndSet(token, null);
        }
    }

    /** Whether {@link #signIn} succeeded and {@link #signOut()} hasn't been called since. */
    // --- SSPR policy (admin console) ---

    /** The current policy and its version. */
    public PolicyDocumentDto currentPolicy() {
        return transport.get(ApiPaths.POLICY, PolicyDocumentDto.class);
    }

    /** Every violation of {@code policy}, checked by the server without storing anything. */
    public PolicyValidationDto validatePolicy(SsprPolicy policy) {
        return transport.post(ApiPaths.POLICY + "/validate", policy, PolicyValidationDto.class);
    }

    /** Stores {@code policy} as the next version; VERSION_CONFLICT when someone saved since {@code expectedVersion}. */
    public PolicyDocumentDto updatePolicy(int expectedVersion, SsprPolicy policy) {
        return transport.put(ApiPaths.POLICY, new PolicyUpdateRequest(expectedVersion, policy), PolicyDocumentDto.class);
    }

    public Page<PolicyVersionSummaryDto> policyVersions(int page, int size) {
        return transport.get(ApiPaths.POLICY + "/versions?page=" + page + "&size=" + size,
                new TypeReference<Page<PolicyVersionSummaryDto>>() { });
    }

    public PolicyDocumentDto policyVersion(int version) {
        return transport.get(ApiPaths.POLICY + "/versions/" + version, PolicyDocumentDto.class);
    }

    /** The field-level differences from one version to another. */
    public PolicyDiffDto policyDiff(int fromVersion, int toVersion) {
        return transport.get(ApiPaths.POLICY + "/diff?from=" + fromVersion + "&to=" + toVersion, PolicyDiffDto.class);
    }

    /** Writes a new version equal to {@code toVersion}. */
    public PolicyDocumentDto rollbackPolicy(int toVersion, int expectedVersion) {
        return transport.post(ApiPaths.POLICY + "/rollback", new PolicyRollbackRequest(toVersion, expectedVersion),
                PolicyDocumentDto.class);
    }

    // --- Kiosks ---

    /** Admin: create a kiosk; the answer holds its one-time enrollment code. */
    public KioskEnrollmentCodeDto createKiosk(String name) {
        return transport.post(ApiPaths.KIOSKS, new KioskCreateRequest(name), KioskEnrollmentCodeDto.class);
    }

    public Page<KioskDto> kiosks(int page, int size) {
        return transport.get(ApiPaths.KIOSKS + "?page=" + page + "&size=" + size, new TypeReference<Page<KioskDto>>() { });
    }

    public KioskDto revokeKiosk(String kioskId) {
        return transport.post(ApiPaths.KIOSKS + "/" + ApiTransport.segment(kioskId) + "/revoke", null, KioskDto.class);
    }

    /** Kiosk: exchange the one-time code for a device credential (and the certificate fingerprint to pin). */
    public KioskCredentialDto enrollKiosk(KioskEnrollRequest request) {
        return transport.post(ApiPaths.KIOSKS + "/enroll", request, KioskCredentialDto.class);
    }

    /** Kiosk: which kiosk this credential belongs to. */
    public KioskDto thisKiosk() {
        return transport.get(ApiPaths.KIOSKS + "/me", KioskDto.class);
    }

    // --- The lock screen: sign-in, change password, and the reset / unlock flow ---

    /** Sign-in at the lock screen; an unknown name answers like a wrong password. */
    public UserSignInResultDto signInUser(UserSignInRequest request) {
        return transport.post(ApiPaths.BASE + "/signin", request, UserSignInResultDto.class);
    }

    /** Change password (self-service); INVALID_CREDENTIALS or VALIDATION_FAILED when refused. */
    public void changeUserPassword(UserPasswordChangeRequest request) {
        transport.post(ApiPaths.BASE + "/password/change", request, Void.class);
    }

    public FlowResponse startFlow(StartFlowRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS, request, FlowResponse.class);
    }

    public FlowResponse refreshCaptcha(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/captcha", new TicketRequest(ticket), FlowResponse.class);
    }

    public FlowResponse identify(IdentifyRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/identify", request, FlowResponse.class);
    }

    public FlowResponse chooseMethod(ChooseMethodRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/method", request, FlowResponse.class);
    }

    public FlowResponse prove(ProveRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/prove", request, FlowResponse.class);
    }

    public FlowResponse resendCode(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/resend", new TicketRequest(ticket), FlowResponse.class);
    }

    public FlowResponse setNewPassword(NewPasswordRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/password", request, FlowResponse.class);
    }

    public FlowResponse unlockAccount(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/unlock", new TicketRequest(ticket), FlowResponse.class);
    }

    /** Ends the flow (cancel or idle timeout): its ticket answers 410 from then on. */
    public void abandonFlow(String ticket) {
        transport.post(ApiPaths.RESET_FLOWS + "/abandon", new TicketRequest(ticket), Void.class);
    }

    public boolean isSignedIn() {
        return sessionToken.get() != null;
    }

    /** The server's base URL, as normalized by the builder (no trailing slash). */
    public String baseUrl() {
        return transport.baseUrl();
    }

    /** Releases the connections and threads; calls made afterwards throw {@link IllegalStateException}. */
    @Override
    public void close() {
        transport.close();
    }

    /** The session's token once signed in, else the configured credentials (a kiosk's device token). */
    private String currentToken() {
        String session = sessionToken.get();
        if (session != null) {
            return session;
        }
        String token = credentials.get();
        return token == null || token.isBlank() ? null : token;
    }

    /** Configures an {@link OpenSsprClient}; {@link #build()} checks everything. */
    public static final class Builder {
        private String baseUrl;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private CertificateFingerprint pin;
        private Supplier<String> credentials = () -> null;
        private String userAgent = defaultUserAgent();

        private Builder() {
        }

        /**
         * The server's address, for example {@code https://sspr.example.org:8443} (a path prefix is kept).
         * Must be https, except to this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}).
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** How long to wait for a connection (and TLS handshake). Default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each read and write on a connection. Default 15 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** How long a whole call may take, connecting and reading included. Default 30 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /**
         * Trusts exactly the server certificate with this SHA-256 fingerprint (as the server printed it:
         * hex, with or without colons, any case), even though it is self-signed, and nothing else.
         *
         * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
         */
        public Builder pinnedCertificate(String sha256Fingerprint) {
            return pinnedCertificate(CertificateFingerprint.parse(sha256Fingerprint));
        }

        public Builder pinnedCertificate(CertificateFingerprint fingerprint) {
            this.pin = Objects.requireNonNull(fingerprint, "fingerprint");
            return this;
        }

        /** A fixed bearer token (a kiosk's device credential, or a session token kept elsewhere). */
        public Builder bearerToken(String token) {
            Objects.requireNonNull(token, "token");
            return credentials(() -> token);
        }

        /**
         * Where to get the bearer token for each call (returns null for none), for credentials that
         * change while the client lives. A session from {@link OpenSsprClient#signIn} takes precedence.
         */
        public Builder credentials(Supplier<String> tokenSupplier) {
            this.credentials = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
            return this;
        }

        public Builder userAgent(String userAgent) {
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
            return new OpenSsprClient(this, normalized, http);
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
}
