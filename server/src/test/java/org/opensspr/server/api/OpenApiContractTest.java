package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensspr.api.Json;
import org.opensspr.server.testing.SharedServer;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every API test's answers pass ({@link OpenApiContract}) can fail: answers the document
 * doesn't allow are refused with the request, the status and the reason, and real answers are refused
 * by the document as it was before issue #11 (every field required, steps without their names).
 */
@SharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    private static final Optional<String> JSON_TYPE = Optional.of("application/json");
    private static final String STEP = "{\"ticket\":\"t\",\"flowExpiresAt\":\"2026-12-05T10:15:00Z\",\"step\":";
    private final ObjectMapper json = Json.newMapper();
    private InProcessServer server;
    private String document;
    private OpenApiContract contract;

    @BeforeAll
    void readTheServedDocument() {
        document = server.get("/api/v1/openapi.json", null).body();
        contract = OpenApiContract.of(document);
    }

    @Test
    void aStepMustCarryItsOwnFields() {
        assertThatCode(() -> flowAnswer("{\"step\":\"CHOOSE_METHOD\",\"gate\":1,\"gatesRequired\":2,"
                + "\"options\":[\"EMAIL\"]}}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> flowAnswer("{\"step\":\"CHOOSE_METHOD\",\"gate\":1}}"))
                .hasMessageContaining("POST /api/v1/reset/flows → 201").hasMessageContaining("gatesRequired");
        assertThatThrownBy(() -> flowAnswer("{\"step\":\"LOOK_AWAY\"}}")).hasMessageContaining("/step");
    }

    @Test
    void aPropertyTheDocumentDoesNotNameIsRefused() {
        assertThatThrownBy(() -> flowAnswer("{\"step\":\"SET_NEW_PASSWORD\"},\"hint\":\"x\"}"))
                .hasMessageContaining("hint");
    }

    @Test
    void aNoticeTheDocumentDoesNotListIsRefused() {
        assertThatCode(() -> flowAnswer("{\"step\":\"IDENTIFY_USER\"},\"notice\":\"WRONG_CAPTCHA\"}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> flowAnswer("{\"step\":\"IDENTIFY_USER\"},\"notice\":\"TRY_HARDER\"}"))
                .hasMessageContaining("/notice");
    }

    @Test
    void aStatusOrAnErrorCodeTheRouteDoesNotListIsRefused() {
        String error = "{\"code\":\"%s\",\"message\":\"m\",\"requestId\":\"r\"}";
        assertThatCode(() -> contract.check("POST", "/api/v1/reset/flows", 401, JSON_TYPE,
                error.formatted("UNAUTHENTICATED"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check("POST", "/api/v1/reset/flows", 401, JSON_TYPE,
                error.formatted("SESSION_EXPIRED"))).hasMessageContaining("SESSION_EXPIRED");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/health", 409, JSON_TYPE, error.formatted("CONFLICT")))
                .hasMessageContaining("GET /api/v1/health → 409").hasMessageContaining("status 409 is not documented");
        assertThatThrownBy(() -> contract.check("POST", "/api/v1/reset/flows", 201, Optional.of("text/html"), "<p>"))
                .hasMessageContaining("text/html");
    }

    @Test
    void realAnswersBreakTheDocumentAsItWasBefore() throws Exception {
        JsonNode started = json.readTree(server.json("POST", "/api/v1/reset/flows", null,
                "{\"intent\":\"RESET_PASSWORD\",\"locale\":\"en-US\"}").body());
        OpenApiContract before = OpenApiContract.of(documentBeforeIssue11());

        assertThatThrownBy(() -> before.check("POST", "/api/v1/reset/flows", 201, JSON_TYPE, started.toString()))
                .hasMessageContaining("required property 'challenge' not found")
                .hasMessageContaining("/step: property 'step' is not defined");
    }

    private void flowAnswer(String rest) {
        contract.check("POST", "/api/v1/reset/flows", 201, JSON_TYPE, STEP + rest);
    }

    /** This document with the old rules: every field of FlowResponse required, steps without a step property. */
    private String documentBeforeIssue11() throws Exception {
        ObjectNode old = (ObjectNode) json.readTree(document);
        ObjectNode schemas = (ObjectNode) old.path("components").path("schemas");
        ObjectNode flowResponse = (ObjectNode) schemas.get("FlowResponse");
        ArrayNode everyField = flowResponse.putArray("required");
        flowResponse.path("properties").properties().forEach(p -> everyField.add(p.getKey()));
        ObjectNode flowStep = (ObjectNode) schemas.get("FlowStep");
        flowStep.remove("discriminator");
        for (JsonNode variant : flowStep.path("oneOf")) {
            ObjectNode schema = (ObjectNode) schemas.get(variant.get("$ref").asText().replace("#/components/schemas/", ""));
            ((ObjectNode) schema.get("properties")).remove("step");
            ArrayNode required = schema.putArray("required");
            schema.path("properties").properties().forEach(p -> required.add(p.getKey()));
        }
        return old.toString();
    }
}
