package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.TestDatabases;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A policy document" has one shape: every route that takes a policy carries it under {@code policy} (with the
 * version it was made on where it is stored), and every route that answers one answers a PolicyDocumentDto.
 */
class PolicyBodiesTest {
    private static final String POLICY = "#/components/schemas/SsprPolicy";
    private static final String DOCUMENT = "#/components/schemas/PolicyDocumentDto";

    @Test
    void everyPolicyBodyCarriesThePolicyUnderPolicyAndEveryAnswerIsAPolicyDocument() throws IOException {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            JsonNode document = Json.newMapper().readTree(server.get("/api/v1/openapi.json", null).body());
            JsonNode schemas = document.at("/components/schemas");

            for (String operation : List.of("/~1api~1v1~1policy/put", "/~1api~1v1~1policy~1validate/post",
                    "/~1api~1v1~1policy~1impact/post")) {
                String body = document.at("/paths" + operation + "/requestBody/content/application~1json/schema/$ref")
                        .asText();
                JsonNode request = schemas.get(body.substring(body.lastIndexOf('/') + 1));
                assertThat(request).as(operation).isNotNull();
                assertThat(request.at("/properties/policy/$ref").asText()).as(operation).isEqualTo(POLICY);
            }
            for (String operation : List.of("/~1api~1v1~1policy/get", "/~1api~1v1~1policy/put",
                    "/~1api~1v1~1policy~1versions~1{version}/get", "/~1api~1v1~1policy~1rollback/post")) {
                assertThat(document.at("/paths" + operation + "/responses/200/content/application~1json/schema/$ref")
                        .asText()).as(operation).isEqualTo(DOCUMENT);
            }

            try (OpenSsprClient console = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
                PolicyValidationDto valid = console.validatePolicy(SsprPolicy.defaults());
                assertThat(valid.valid()).isTrue();
            }
            String admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
            assertThat(server.json("POST", "/api/v1/policy/validate", admin,
                    Json.newMapper().writeValueAsString(SsprPolicy.defaults())).statusCode())
                    .as("the bare policy, as validate took it before").isEqualTo(400);
        }
    }
}
