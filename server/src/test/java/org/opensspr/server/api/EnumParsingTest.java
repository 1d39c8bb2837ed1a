package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enum is read one way wherever it comes — a body or a query: its exact wire name, or 400 INVALID_VALUE naming
 * the field and listing the values.
 */
class EnumParsingTest {

    @Test
    void bodiesAndQueriesAcceptExactlyTheWireNamesAndRefuseOthersAlike() throws IOException {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            String admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);

            assertThat(server.json("POST", "/api/v1/reset/flows", null, "{\"intent\":\"UNLOCK_ACCOUNT\"}").statusCode())
                    .isEqualTo(201);
            assertThat(server.get("/api/v1/policy/what-if?user=x@contoso.example&intent=UNLOCK_ACCOUNT", admin)
                    .statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/writeback/intents?status=PENDING", admin).statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/audit?result=FAILURE", admin).statusCode()).isEqualTo(200);

            refused(server.json("POST", "/api/v1/reset/flows", null, "{\"intent\":\"unlock_account\"}"),
                    "intent", "RESET_PASSWORD, UNLOCK_ACCOUNT");
            refused(server.get("/api/v1/policy/what-if?user=x@contoso.example&intent=unlock_account", admin),
                    "intent", "RESET_PASSWORD, UNLOCK_ACCOUNT");
            refused(server.get("/api/v1/writeback/intents?status=pending", admin), "status",
                    "PENDING, DONE, FAILED, UNKNOWN");
            refused(server.get("/api/v1/audit?result=failure", admin), "result", "SUCCESS, FAILURE");
            refused(server.get("/api/v1/audit?activity=RESET_PASSWORD_SELF_SERVICE", admin), "activity",
                    "Reset password (self-service)");
        }
    }

    private static void refused(HttpResponse<String> response, String field, String values) throws IOException {
        JsonNode error = Json.newMapper().readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(error.path("fieldErrors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText() + error.path("fieldErrors").get(0).path("message").asText())
                .contains(values);
    }
}
