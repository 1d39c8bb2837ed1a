package org.opensspr.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;
import org.opensspr.api.SessionDto;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens, sign-in and sign-out, and secrets kept out of every exception. */
class ClientAuthTest {

    private static final String PASSWORD = "correct-horse-battery-staple-7391";
    private static final String TOTP = "482913";
    private static final String SESSION_TOKEN = "sess-3f9a1c0e7b";
    private static final String SESSION_JSON = """
            {"token":"sess-3f9a1c0e7b","expiresAt":"2026-11-03T18:00:00Z","adminName":"Ada Admin",
             "roles":["GLOBAL_ADMINISTRATOR"]}""";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.http()
                .replyJson("GET", ApiPaths.HEALTH, 200, "{\"status\":\"UP\",\"version\":\"1\"}")
                .replyJson("POST", ApiPaths.ADMIN_SESSION, 200, SESSION_JSON)
                .reply("DELETE", ApiPaths.ADMIN_SESSION, new TestServer.Reply(204, null, null, java.util.Map.of()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenSsprClientBuilder client() {
        return OpenSsprClient.builder().baseUrl(server.baseUrl());
    }

    @Test
    void aBearerTokenIsSentAsAuthorizationHeader() {
        try (OpenSsprClient client = client().bearerToken("kiosk-device-credential-1").build()) {
            client.health();
        }

        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer kiosk-device-credential-1");
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSentAndTheUserAgentIsOurs() {
        try (OpenSsprClient client = client().build()) {
            client.health();
        }
        try (OpenSsprClient client = client().userAgent("OpenSSPR-Kiosk/2.0").build()) {
            client.health();
        }

        assertThat(server.received()).allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
        assertThat(server.received()).extracting(r -> r.header("User-Agent"))
                .containsExactly("OpenSSPR-Client/dev", "OpenSSPR-Kiosk/2.0");
    }

    @Test
    void theCredentialSupplierIsAskedOnEveryCall() {
        AtomicReference<String> deviceToken = new AtomicReference<>("first");
        try (OpenSsprClient client = client().credentials(deviceToken::get).build()) {
            client.health();
            deviceToken.set("second");
            client.health();
            deviceToken.set(null);
            client.health();
        }

        assertThat(server.received()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer first", "Bearer second", null);
    }

    @Test
    void signInSendsTheCredentialsAndUsesTheSessionUntilSignOut() throws Exception {
        try (OpenSsprClient client = client().bearerToken("device").build()) {
            SessionDto session = client.signIn(new AdminSignInRequest("ada", PASSWORD, TOTP));

            assertThat(session).isEqualTo(new SessionDto(SESSION_TOKEN, Instant.parse("2026-11-03T18:00:00Z"),
                    "Ada Admin", Set.of("GLOBAL_ADMINISTRATOR")));
            assertThat(client.isSignedIn()).isTrue();

            client.health();
            client.signOut();
            assertThat(client.isSignedIn()).isFalse();
            client.health();
        }

        var requests = server.received();
        assertThat(requests).extracting(TestServer.Received::method).containsExactly("POST", "GET", "DELETE", "GET");
        TestServer.Received signIn = requests.get(0);
        assertThat(signIn.header("Content-Type")).startsWith("application/json");
        JsonNode body = Json.newMapper().readTree(signIn.body());
        assertThat(body.get("username").asText()).isEqualTo("ada");
        assertThat(body.get("password").asText()).isEqualTo(PASSWORD);
        assertThat(body.get("totpCode").asText()).isEqualTo(TOTP);
        assertThat(requests).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer device", "Bearer " + SESSION_TOKEN, "Bearer " + SESSION_TOKEN, "Bearer device");
    }

    @Test
    void signingOutAnExpiredSessionStillSignsOut() {
        server.replyJson("DELETE", ApiPaths.ADMIN_SESSION, 401, "{\"code\":\"SESSION_EXPIRED\"}");
        try (OpenSsprClient client = client().build()) {
            client.signIn(new AdminSignInRequest("ada", PASSWORD, null));

            client.signOut();

            assertThat(client.isSignedIn()).isFalse();
        }
    }

    @Test
    void aFailedSignOutIsReportedButTheSessionIsForgotten() {
        server.replyJson("DELETE", ApiPaths.ADMIN_SESSION, 500, "{\"code\":\"INTERNAL_ERROR\"}");
        try (OpenSsprClient client = client().build()) {
            client.signIn(new AdminSignInRequest("ada", PASSWORD, null));

            OpenSsprApiException e = Thrown.by(OpenSsprApiException.class, client::signOut);

            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(client.isSignedIn()).isFalse();
        }
    }

    @Test
    void signOutWithoutAnyCredentialsDoesNothing() {
        try (OpenSsprClient client = client().build()) {
            client.signOut();
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void wrongCredentialsAreTypedAndTheSecretsAppearNowhere() {
        server.replyJson("POST", ApiPaths.ADMIN_SESSION, 401,
                "{\"code\":\"INVALID_CREDENTIALS\",\"message\":\"The user name, password or code is not correct.\"}");
        try (OpenSsprClient client = client().build()) {
            AdminSignInRequest request = new AdminSignInRequest("ada", PASSWORD, TOTP);

            OpenSsprApiException e = Thrown.by(OpenSsprApiException.class, () -> client.signIn(request));

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            assertThat(e.status()).isEqualTo(401);
            assertNoSecrets(e);
            assertThat(client.isSignedIn()).isFalse();
        }
    }

    @Test
    void aServerThatEchoesTheSecretsInABrokenAnswerDoesNotLeakThemIntoTheException() {
        // Not a session (no token), and then not JSON at all: both quote the secrets back.
        server.replyJson("POST", ApiPaths.ADMIN_SESSION, 200,
                "{\"username\":\"ada\",\"password\":\"" + PASSWORD + "\",\"totpCode\":\"" + TOTP + "\"}");
        try (OpenSsprClient client = client().build()) {
            AdminSignInRequest request = new AdminSignInRequest("ada", PASSWORD, TOTP);
            assertNoSecrets(Thrown.by(UnexpectedResponseException.class, () -> client.signIn(request)));

            server.replyJson("POST", ApiPaths.ADMIN_SESSION, 200, PASSWORD + " " + TOTP);
            assertNoSecrets(Thrown.by(UnexpectedResponseException.class, () -> client.signIn(request)));
        }
    }

    @Test
    void anUnreachableServerDoesNotLeakTheSecrets() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl("http://127.0.0.1:" + port).build()) {
            AdminSignInRequest request = new AdminSignInRequest("ada", PASSWORD, TOTP);

            assertNoSecrets(Thrown.by(ServerUnreachableException.class, () -> client.signIn(request)));
        }
    }

    /** Messages, toString and stack traces of the exception and all its causes. */
    private static void assertNoSecrets(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(PASSWORD).doesNotContain(TOTP).doesNotContain(SESSION_TOKEN);
    }
}
