package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.Json;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock screen's sign-in: outcomes, no enumeration, smart lockout and its growth, change password. */
class SignInApiTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";

    @OnBothDatabases
    void outcomesAndNoEnumeration(InProcessServer server) {
        enableForAll(server);
        TestPeople.cloudUser(server, "ann@contoso.example", PASSWORD, false);

        JsonNode ok = signIn(server, "ANN@contoso.example", PASSWORD);
        JsonNode wrong = signIn(server, "ann@contoso.example", "Not-The-Password-1");
        JsonNode unknown = signIn(server, "nobody@contoso.example", "Not-The-Password-1");

        assertThat(ok.path("outcome").asText()).isEqualTo("SIGNED_IN");
        assertThat(ok.path("displayName").asText()).isEqualTo("Ann Example");
        assertThat(wrong.path("outcome").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(wrong.path("resetAvailable").asBoolean()).isTrue();
        assertThat(unknown).as("an unknown name answers exactly like a wrong password").isEqualTo(wrong);
    }

    @OnBothDatabases
    void smartLockoutLocksAtTheThresholdAndGrows(InProcessServer server) {
        enableForAll(server);
        TestPeople.cloudUser(server, "bob@contoso.example", PASSWORD, false);

        for (int i = 1; i <= 9; i++) {
            assertThat(signIn(server, "bob@contoso.example", "Wrong-Guess-" + i).path("outcome").asText())
                    .isEqualTo("WRONG_PASSWORD");
        }
        assertThat(signIn(server, "bob@contoso.example", "Wrong-Guess-9").path("outcome").asText())
                .as("the same wrong password again counts once").isEqualTo("WRONG_PASSWORD");
        Instant sent = server.server().clock().instant();
        JsonNode tenth = signIn(server, "bob@contoso.example", "Wrong-Guess-10");
        Instant answered = server.server().clock().instant();

        assertThat(tenth.path("outcome").asText()).isEqualTo("LOCKED");
        // Locked for 60 s from the moment the tenth failure was recorded, however long the request took.
        assertThat(Instant.parse(tenth.path("retryAfter").asText()))
                .isBetween(sent.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        answered.plusSeconds(60));
        assertThat(signIn(server, "bob@contoso.example", PASSWORD).path("outcome").asText())
                .as("even the right password waits out the lock").isEqualTo("LOCKED");

        advance(server, 61);
        Instant sentAgain = server.server().clock().instant();
        JsonNode again = signIn(server, "bob@contoso.example", "Wrong-Guess-11");
        Instant answeredAgain = server.server().clock().instant();
        assertThat(again.path("outcome").asText()).isEqualTo("LOCKED");
        assertThat(Instant.parse(again.path("retryAfter").asText())).as("the next lock doubles")
                .isBetween(sentAgain.plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        answeredAgain.plusSeconds(120));

        advance(server, 121);
        assertThat(signIn(server, "bob@contoso.example", PASSWORD).path("outcome").asText()).isEqualTo("SIGNED_IN");
    }

    @OnBothDatabases
    void mustChangeThenChangePassword(InProcessServer server) throws IOException {
        enableForAll(server);
        TestPeople.cloudUser(server, "cy@contoso.example", PASSWORD, true);
        assertThat(signIn(server, "cy@contoso.example", PASSWORD).path("outcome").asText())
                .isEqualTo("MUST_CHANGE_PASSWORD");

        HttpResponse<String> banned = change(server, "cy@contoso.example", PASSWORD, "Password123");
        HttpResponse<String> wrongCurrent = change(server, "cy@contoso.example", "Nope-Nope-Nope-1", "Lantern-Orbit-Kettle-58");
        HttpResponse<String> changed = change(server, "cy@contoso.example", PASSWORD, "Lantern-Orbit-Kettle-58");

        assertThat(banned.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(banned.body()).path("fieldErrors").findValuesAsText("code")).contains("BANNED_PASSWORD");
        assertThat(wrongCurrent.statusCode()).isEqualTo(401);
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(signIn(server, "cy@contoso.example", "Lantern-Orbit-Kettle-58").path("outcome").asText())
                .isEqualTo("SIGNED_IN");
        assertThat(signIn(server, "cy@contoso.example", PASSWORD).path("outcome").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(server.get("/api/v1/audit?activity=Change%20password%20(self-service)",
                TestAdmins.signIn(server, org.opensspr.directory.Role.REPORTS_READER)).body())
                .contains("cy@contoso.example");
    }

    private static void enableForAll(InProcessServer server) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all()), "test");
    }

    private static void advance(InProcessServer server, long seconds) {
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":" + seconds + "}");
    }

    private static JsonNode signIn(InProcessServer server, String user, String password) {
        HttpResponse<String> response = server.json("POST", "/api/v1/signin", null,
                "{\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> change(InProcessServer server, String user, String current, String next) {
        return server.json("POST", "/api/v1/password/change", null, "{\"userName\":\"" + user
                + "\",\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}");
    }
}
