package org.opensspr.server.api;

import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.db.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real server, assembled as in production, on a free loopback port in test mode, over a fresh
 * H2 or embedded-PostgreSQL database. Plain HTTP keeps raw-request tests simple; TLS has its own tests.
 * Every answer a test gets through {@link #send} is checked against the server's OpenAPI document
 * ({@link OpenApiContract}), so the document can't say one thing while the server does another.
 */
public final class InProcessServer implements AutoCloseable {
    private final OpenSsprServer server;
    private final Path data;
    /** The JDBC URL of its database, so another instance can join it ({@link #alongside}); null on the embedded default. */
    private final String databaseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile OpenApiContract contract;
    private final Map<InetAddress, HttpClient> clientsByAddress = new ConcurrentHashMap<>();

    private InProcessServer(OpenSsprServer server, Path data, String databaseUrl) {
        this.server = server;
        this.data = data;
        this.databaseUrl = databaseUrl;
    }

    public static InProcessServer start(TestDatabases kind) {
        return start(kind, null);
    }

    /** With a real mail relay (e.g. GreenMail) instead of the outbox-only default. */
    public static InProcessServer start(TestDatabases kind, org.opensspr.server.delivery.SmtpSettings smtp) {
        return start(kind, smtp, null);
    }

    /** With a mail relay and/or an on-premises directory for writeback (either may be null). */
    public static InProcessServer start(TestDatabases kind, org.opensspr.server.delivery.SmtpSettings smtp,
                                        org.opensspr.server.writeback.LdapSettings ldap) {
        return start(kind, smtp, ldap, null);
    }

    /** With SMS/voice and push gateways too (any may be null). */
    public static InProcessServer start(TestDatabases kind, org.opensspr.server.delivery.SmtpSettings smtp,
                                        org.opensspr.server.writeback.LdapSettings ldap,
                                        org.opensspr.server.delivery.gateway.Gateways gateways) {
        return start(kind, smtp, ldap, gateways, null, null);
    }

    /** With a metrics token that lets other hosts scrape {@code /metrics}. */
    public static InProcessServer startWithMetrics(TestDatabases kind, org.opensspr.server.metrics.MetricsSettings metrics) {
        return start(kind, null, null, null, metrics, null);
    }

    /** Forwarding its audit log to the SIEM collector {@code siem}. */
    public static InProcessServer startWithSiem(TestDatabases kind, org.opensspr.server.siem.SiemSettings siem) {
        return start(kind, null, null, null, null, siem);
    }

    /**
     * Another instance on {@code first}'s database, as a second server behind a load balancer: its own data
     * directory and port, the same secret key (copied as an operator would copy secret.key), test mode too.
     */
    public static InProcessServer alongside(InProcessServer first) {
        return alongside(first, null);
    }

    /** Another instance on {@code first}'s database, sending mail through {@code smtp} (may be null). */
    public static InProcessServer alongside(InProcessServer first, org.opensspr.server.delivery.SmtpSettings smtp) {
        return alongside(first, smtp, true);
    }

    /** Another instance on {@code first}'s database that was given a secret key of its own, as by mistake. */
    public static InProcessServer alongsideWithAnotherKey(InProcessServer first) {
        return alongside(first, null, false);
    }

    private static InProcessServer alongside(InProcessServer first, org.opensspr.server.delivery.SmtpSettings smtp,
                                             boolean sameKey) {
        if (first.databaseUrl == null || first.databaseUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("Only a PostgreSQL database can be shared by several servers");
        }
        try {
            Path data = Files.createTempDirectory("opensspr-test");
            if (sameKey) {
                Path key = first.data.resolve("secret.key");
                Files.copy(key, data.resolve(key.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            return launch(data, first.databaseUrl, "postgres", smtp, null, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InProcessServer start(TestDatabases kind, org.opensspr.server.delivery.SmtpSettings smtp,
                                         org.opensspr.server.writeback.LdapSettings ldap,
                                         org.opensspr.server.delivery.gateway.Gateways gateways,
                                         org.opensspr.server.metrics.MetricsSettings metrics,
                                         org.opensspr.server.siem.SiemSettings siem) {
        try {
            Path data = Files.createTempDirectory("opensspr-test");
            String url = switch (kind) {
                case H2 -> "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
                case POSTGRES -> TestDatabases.freshPostgresUrl();
            };
            return launch(data, url, kind == TestDatabases.H2 ? "sa" : "postgres", smtp, ldap, gateways, metrics, siem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InProcessServer launch(Path data, String url, String user, org.opensspr.server.delivery.SmtpSettings smtp,
                                          org.opensspr.server.writeback.LdapSettings ldap,
                                          org.opensspr.server.delivery.gateway.Gateways gateways,
                                          org.opensspr.server.metrics.MetricsSettings metrics,
                                          org.opensspr.server.siem.SiemSettings siem) {
        ServerConfig config = new ServerConfig(data, "127.0.0.1", 0, url, user, "", true, null, null, true, false, smtp,
                ldap, gateways, null, siem, metrics);
        return new InProcessServer(OpenSsprServer.open(config).start(), data, url);
    }

    /** On the embedded default itself: the H2 file database and the outbox-only mail in {@code data}. */
    public static InProcessServer onEmbeddedDefault(Path data) {
        return new InProcessServer(OpenSsprServer.open(new ServerConfig(data, "127.0.0.1", 0, null, null, null, true,
                null, null, true, false, null, null)).start(), data, null);
    }

    public OpenSsprServer server() {
        return server;
    }

    /** The server's data directory (where the outbox's .eml files go). */
    public Path data() {
        return data;
    }

    public String url() {
        return server.url();
    }

    /** Sends a raw request; {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        return sendFrom(null, method, path, token, contentType, body);
    }

    /** Sends a raw request with extra headers (a provider's signature, say). */
    public HttpResponse<String> sendWithHeaders(String method, String path, String contentType, byte[] body,
                                                Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        headers.forEach(request::header);
        HttpResponse<String> response = exchange(null, request);
        contract().check(method, path, response.statusCode(), response.headers().firstValue("Content-Type"),
                response.body());
        return response;
    }

    /**
     * Sends a raw request from another loopback address ({@code 127.0.0.2}, …), as a second machine would;
     * null for the default.
     */
    public HttpResponse<String> sendFrom(InetAddress from, String method, String path, String token,
                                         String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = exchange(from, request);
        contract().check(method, path, response.statusCode(), response.headers().firstValue("Content-Type"),
                response.body());
        return response;
    }

    /** The contract of the document this server serves. */
    private OpenApiContract contract() {
        if (contract == null) {
            contract = OpenApiContract.of(exchange(null, HttpRequest.newBuilder(URI.create(url() + "/api/v1/openapi.json")))
                    .body());
        }
        return contract;
    }

    private HttpResponse<String> exchange(InetAddress from, HttpRequest.Builder request) {
        HttpClient client = from == null ? http
                : clientsByAddress.computeIfAbsent(from, a -> HttpClient.newBuilder().localAddress(a).build());
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public HttpResponse<String> json(String method, String path, String token, String json) {
        return send(method, path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
