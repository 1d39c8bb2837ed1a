package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instant the API sends is written one way — UTC, milliseconds, three digits — whether the server took it
 * from its clock (nanoseconds) or read it back from the database (microseconds).
 */
class TimestampPrecisionTest {
    private static final Pattern ANY_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    private static final Pattern MILLIS_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private final ObjectMapper json = Json.newMapper();

    @Test
    void instantsFromTheClockAndFromTheDatabaseHaveTheSamePrecision() throws IOException {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            String admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
            List<String> instants = new ArrayList<>();

            JsonNode created = read(server.json("POST", "/api/v1/users", admin, """
                    {"userPrincipalName":"ada@contoso.example","givenName":"Ada","surname":"Lovelace",
                     "displayName":"Ada Lovelace","source":"CLOUD","enabled":true,"onPremisesProtected":false,
                     "primaryEmail":"ada@contoso.example","preferredLanguage":"en"}"""), instants);
            read(server.get("/api/v1/users/" + created.get("id").asText(), admin), instants);
            JsonNode policy = read(server.get("/api/v1/policy", admin), instants);
            read(server.json("PUT", "/api/v1/policy", admin, json.createObjectNode().put("expectedVersion", 0)
                    .set("policy", policy.get("policy")).toString()), instants);
            read(server.get("/api/v1/policy/versions", admin), instants);
            read(server.get("/api/v1/admin/session", admin), instants);
            read(server.get("/api/v1/audit", admin), instants);
            read(server.get("/api/v1/test/clock", null), instants);
            read(server.json("POST", "/api/v1/reset/flows", null, "{\"intent\":\"RESET_PASSWORD\"}"), instants);

            assertThat(instants).hasSizeGreaterThanOrEqualTo(8).allMatch(text -> MILLIS_UTC.matcher(text).matches());
        }
    }

    private JsonNode read(HttpResponse<String> response, List<String> instants) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(200, 201);
        JsonNode body = json.readTree(response.body());
        collect(body, instants);
        return body;
    }

    private static void collect(JsonNode node, List<String> instants) {
        if (node.isTextual() && ANY_INSTANT.matcher(node.asText()).matches()) {
            instants.add(node.asText());
        }
        node.forEach(child -> collect(child, instants));
    }
}
