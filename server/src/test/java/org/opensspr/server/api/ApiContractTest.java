package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.cli.RunCommand;
import org.opensspr.server.testing.SharedServer;
import picocli.CommandLine;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is the contract: it lists exactly the routes the server serves, and every
 * route answers bad input — missing fields, wrong types, malformed, oversize, wrong media type,
 * no credentials — with a 4xx whose code the document lists for that route.
 */
@SharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {
    private final ObjectMapper json = Json.newMapper();
    private InProcessServer server;
    private JsonNode document;
    private String globalAdmin;

    @BeforeAll
    void readTheDocumentAndSignIn() throws Exception {
        document = json.readTree(server.get("/api/v1/openapi.json", null).body());
        globalAdmin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
    }

    @Test
    void theDocumentListsExactlyTheServedRoutes() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                documented.add(op.getKey().toUpperCase() + " " + path.getKey())));

        // The operators' Prometheus scrape stands outside /api/v1 and its document (ADR 21): its format and its
        // readers are Prometheus's. It is the one such endpoint.
        Set<String> served = new TreeSet<>(server.server().registeredEndpoints());
        assertThat(served.remove("GET /metrics")).as("the metrics endpoint is served").isTrue();
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void theOpenapiCommandWritesTheServedDocumentWithoutTheTestModeRoutes() throws Exception {
        Path file = Files.createTempFile("openapi", ".json");
        try {
            int exit = new CommandLine(new RunCommand()).execute("openapi", "--out", file.toString());
            JsonNode written = json.readTree(file.toFile());

            assertThat(exit).isZero();
            ObjectNode servedPaths = document.get("paths").deepCopy();
            servedPaths.remove(servedPaths.properties().stream().map(Map.Entry::getKey)
                    .filter(path -> path.startsWith("/api/v1/test/")).toList());
            assertThat(written.get("paths")).isEqualTo(servedPaths);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aRequestJettyRefusesBeforeAnyRouteStillGetsAJsonErrorAndTheClientsNextRequestToo() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = server.send("GET", "/api/v1/reset/flows%00/x", null, null, null);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(json.readTree(refused.body()).path("code").asText()).isEqualTo("BAD_REQUEST");
            // Jetty closes the connection after such a request; the answer says so, or the client's next
            // request, sent on the same connection, would find it closed.
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");
            assertThat(server.send("POST", "/api/v1/reset/flows", null, "application/json", "{".getBytes())
                    .statusCode()).as("the next request, on the same client").isEqualTo(400);
        }
    }

    @Test
    void everyRouteAnswersBadInputWithAListedClientError() {
        List<String> failures = new ArrayList<>();
        Map<String, String> before = TableSnapshot.of(server.server().database().dsl());
        int sent = 0;
        for (Operation op : operations()) {
            for (BadRequest bad : badRequests(op)) {
                sent++;
                HttpResponse<String> response = server.send(op.method, op.concretePath() + bad.query, bad.token,
                        bad.contentType, bad.body);
                String problem = check(op, response);
                if (problem != null) {
                    failures.add(op.method + " " + op.path + " [" + bad.name + "]: " + problem);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(TableSnapshot.of(server.server().database().dsl())).as("rejected requests change nothing")
                .isEqualTo(before);
        long withBodies = operations().stream().filter(op -> op.jsonSchema != null).count();
        assertThat(sent).as("bad requests sent").isGreaterThanOrEqualTo((int) (7 * withBodies));
    }

    private String check(Operation op, HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.statusCode() > 499) {
            return "status " + response.statusCode() + " " + abbreviate(response.body());
        }
        try {
            String code = json.readTree(response.body()).path("code").asText();
            return op.errorCodes.contains(code) ? null : "code " + code + " is not listed " + op.errorCodes;
        } catch (Exception e) {
            return "not a JSON error: " + abbreviate(response.body());
        }
    }

    private List<BadRequest> badRequests(Operation op) {
        List<BadRequest> cases = new ArrayList<>();
        boolean protectedRoute = !op.access.equals("public");
        // The lock screen reads self-service resources (branding) without any credential: that isn't bad input.
        boolean anonymousMayRead = op.access.equals("self-service") && op.method.equals("GET");
        if (protectedRoute && !anonymousMayRead) {
            cases.add(new BadRequest("no credentials", null, null, null));
        }
        if (protectedRoute) {
            cases.add(new BadRequest("unknown token", "not-a-session", null, null));
        }
        String caller = protectedRoute ? globalAdmin : null;
        for (String parameter : op.integerQueryParams) {
            for (String value : List.of("abc", "-5", "99999999999999", "1.5")) {
                cases.add(new BadRequest(parameter + "=" + value, caller, op.jsonSchema == null ? null : "application/json",
                        op.jsonSchema == null ? null : utf8(withoutField(op.jsonSchema, "").toString()),
                        "?" + parameter + "=" + value));
            }
        }
        if (op.jsonSchema != null) {
            // Unauthenticated callers of protected routes must be stopped before the body matters.
            List<String> tokens = protectedRoute ? List.of("", globalAdmin) : List.of("");
            for (String token : tokens) {
                String who = token.isEmpty() ? "anonymous" : "global admin";
                String bearer = token.isEmpty() ? null : token;
                cases.add(new BadRequest(who + ", malformed", bearer, "application/json", utf8("{\"a\":")));
                cases.add(new BadRequest(who + ", empty object", bearer, "application/json", utf8("{}")));
                cases.add(new BadRequest(who + ", array instead of object", bearer, "application/json", utf8("[1,2]")));
                cases.add(new BadRequest(who + ", wrong media type", bearer, "text/plain", utf8("hello")));
                cases.add(new BadRequest(who + ", oversize", bearer, "application/json",
                        utf8("{\"x\":\"" + "a".repeat(op.maxBodyBytes + 1) + "\"}")));
                cases.add(new BadRequest(who + ", every field the wrong type", bearer, "application/json",
                        utf8(wrongTypes(op.jsonSchema).toString())));
                for (String field : requiredFieldNames(op.jsonSchema)) {
                    cases.add(new BadRequest(who + ", only '" + field + "' missing", bearer, "application/json",
                            utf8(withoutField(op.jsonSchema, field).toString())));
                }
            }
        }
        return cases;
    }

    /** A body where every property holds a value of another JSON type than its schema wants. */
    private ObjectNode wrongTypes(JsonNode schema) {
        ObjectNode body = json.createObjectNode();
        resolve(schema).path("properties").properties().forEach(p -> {
            String type = resolve(p.getValue()).path("type").asText("object");
            switch (type) {
                case "string" -> body.putArray(p.getKey()).add(1);
                case "integer", "number" -> body.put(p.getKey(), "not a number");
                case "boolean" -> body.put(p.getKey(), "maybe");
                case "array" -> body.put(p.getKey(), 5);
                default -> body.put(p.getKey(), "not an object");
            }
        });
        return body;
    }

    /** A plausible body (right types) with one field left out. */
    private ObjectNode withoutField(JsonNode schema, String missing) {
        ObjectNode body = json.createObjectNode();
        resolve(schema).path("properties").properties().forEach(p -> {
            if (!p.getKey().equals(missing)) {
                body.set(p.getKey(), sample(p.getValue(), 0));
            }
        });
        return body;
    }

    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        return switch (resolved.path("type").asText("object")) {
            case "string" -> json.getNodeFactory().textNode(resolved.path("format").asText().equals("date-time")
                    ? "2026-11-22T00:00:00Z" : "sample");
            case "integer" -> json.getNodeFactory().numberNode(1);
            case "boolean" -> json.getNodeFactory().booleanNode(true);
            case "array" -> json.createArrayNode();
            default -> {
                ObjectNode object = json.createObjectNode();
                if (depth < 4) {
                    resolved.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                }
                yield object;
            }
        };
    }

    private List<String> requiredFieldNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        resolve(schema).path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            path.getValue().properties().forEach(op -> {
                JsonNode operation = op.getValue();
                Set<String> codes = new TreeSet<>();
                operation.path("x-error-codes").forEach(c -> codes.add(c.asText()));
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                List<String> integerParams = new ArrayList<>();
                operation.path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("query") && p.path("schema").path("type").asText().equals("integer")) {
                        integerParams.add(p.path("name").asText());
                    }
                });
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), operation.path("x-access").asText(),
                        schema.isMissingNode() ? null : schema, operation.path("x-max-body-bytes").asInt(), codes,
                        integerParams));
            });
        }
        return operations;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private record Operation(String method, String path, String access, JsonNode jsonSchema, int maxBodyBytes,
                             Set<String> errorCodes, List<String> integerQueryParams) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        }
    }

    private record BadRequest(String name, String token, String contentType, byte[] body, String query) {
        BadRequest(String name, String token, String contentType, byte[] body) {
            this(name, token, contentType, body, "");
        }
    }
}
