package org.opensspr.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.opensspr.api.AdminSessionInfoDto;
import org.opensspr.api.Json;
import org.opensspr.api.SessionDto;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.throttling.LockoutSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Route-mapping tests: the auth routes over HTTP, on an app built with the real session authenticator. */
class AuthFeatureRoutesTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String UPN = "ada@contoso.com";

    @OnBothDatabases
    void signInWhoAmIChangePasswordAndSignOut(TestDatabases kind) throws Exception {
        try (AuthFixture f = new AuthFixture(kind); Server server = new Server(f)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
            f.nextStep();

            HttpResponse<String> signIn = server.send("POST", "/admin/session", null,
                    Map.of("username", UPN, "password", AuthFixture.PASSWORD, "totpCode", f.code(ada)));
            assertThat(signIn.statusCode()).isEqualTo(200);
            SessionDto session = JSON.readValue(signIn.body(), SessionDto.class);
            assertThat(session.roles()).containsExactly("AUTHENTICATION_POLICY_ADMINISTRATOR");
            assertThat(session.adminName()).isEqualTo("Ada Admin");
            assertThat(session.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));

            HttpResponse<String> whoAmI = server.send("GET", "/admin/session", session.token(), null);
            assertThat(whoAmI.statusCode()).isEqualTo(200);
            AdminSessionInfoDto info = JSON.readValue(whoAmI.body(), AdminSessionInfoDto.class);
            assertThat(info.userPrincipalName()).isEqualTo(UPN);
            assertThat(info.userId()).isEqualTo(ada.userId());
            assertThat(info.permissions()).containsExactly("MANAGE_POLICY", "READ_AUDIT", "READ_DIRECTORY", "READ_POLICY");
            assertThat(info.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
            assertThat(whoAmI.body()).doesNotContain(session.token());

            f.nextStep();
            HttpResponse<String> weak = server.send("POST", "/admin/password", session.token(),
                    Map.of("currentPassword", AuthFixture.PASSWORD, "newPassword", "password", "totpCode", f.code(ada)));
            assertThat(weak.statusCode()).isEqualTo(422);
            JsonNode weakBody = JSON.readTree(weak.body());
            assertThat(weakBody.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(weakBody.get("fieldErrors")).allSatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("newPassword"));
            assertThat(weak.body()).doesNotContain(AuthFixture.PASSWORD);

            HttpResponse<String> changed = server.send("POST", "/admin/password", session.token(),
                    Map.of("currentPassword", AuthFixture.PASSWORD, "newPassword", "Amber-Harbour-58", "totpCode", f.code(ada)));
            assertThat(changed.statusCode()).isEqualTo(200);
            SessionDto fresh = JSON.readValue(changed.body(), SessionDto.class);
            assertThat(code(server.send("GET", "/admin/session", session.token(), null))).isEqualTo("UNAUTHENTICATED");

            assertThat(server.send("DELETE", "/admin/session", fresh.token(), null).statusCode()).isEqualTo(204);
            HttpResponse<String> after = server.send("GET", "/admin/session", fresh.token(), null);
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(code(after)).isEqualTo("UNAUTHENTICATED");
            assertThat(code(server.send("GET", "/admin/session", null, null))).isEqualTo("UNAUTHENTICATED");
        }
    }

    @OnBothDatabases
    void refusalsCarryStableCodes(TestDatabases kind) throws Exception {
        try (AuthFixture f = new AuthFixture(kind); Server server = new Server(f)) {
            f.lockout.set(new LockoutSettings(1, Duration.ofSeconds(60)));
            f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);

            HttpResponse<String> wrong = server.send("POST", "/admin/session", null,
                    Map.of("username", UPN, "password", "Wrong-Password-1", "totpCode", "123456"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(code(wrong)).isEqualTo("INVALID_CREDENTIALS");

            HttpResponse<String> locked = server.send("POST", "/admin/session", null,
                    Map.of("username", UPN, "password", "Wrong-Password-2", "totpCode", "123456"));
            assertThat(locked.statusCode()).isEqualTo(423);
            assertThat(code(locked)).isEqualTo("ACCOUNT_LOCKED");
            assertThat(Instant.parse(JSON.readTree(locked.body()).get("retryAfter").asText()))
                    .isEqualTo(f.clock.instant().plusSeconds(60));

            HttpResponse<String> tooLong = server.send("POST", "/admin/session", null,
                    Map.of("username", "a".repeat(400), "password", "x", "totpCode", "123456"));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(code(tooLong)).isEqualTo("INVALID_VALUE");

            // The code for a missing field is the body reader's business (RequestBodies), not this feature's.
            assertThat(server.send("POST", "/admin/session", null, Map.of("username", UPN)).statusCode()).isEqualTo(400);

            HttpResponse<String> stale = server.send("GET", "/admin/session", "not-a-session", null);
            assertThat(code(stale)).isEqualTo("UNAUTHENTICATED");
        }
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("code").asText();
    }

    /** The auth routes on a loopback listener, authenticated by {@link SessionAuthenticator}. */
    private static final class Server implements AutoCloseable {
        private final Javalin app;
        private final HttpClient http = HttpClient.newHttpClient();

        Server(AuthFixture f) {
            app = new ApiServerFactory(new SessionAuthenticator(f.auth, (credential, address) -> Optional.empty()), NetworkGate.OPEN)
                    .create(new AuthFeature(f.auth).routes(), new ApiServerFactory.Listener("127.0.0.1", 0, null, null),
                            "test")
                    .start();
        }

        HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            app.stop();
        }
    }
}
