package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.opensspr.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as the judge of every answer the API tests get. swagger-parser reads the
 * document, which must be valid OpenAPI with nothing to complain about, and finds the operation and
 * the response for a request's path, method and status; networknt validates the body against that
 * response's schema. Objects are closed for the check ({@code additionalProperties: false} where the
 * document leaves it open), so a property the server sends but the document doesn't name fails too;
 * an error's code must be one that response lists in {@code x-error-codes}.
 */
final class OpenApiContract {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String DOCUMENT_IRI = "https://opensspr.invalid/api/v1/openapi.json";
    private static final Map<String, OpenApiContract> BY_DOCUMENT = new ConcurrentHashMap<>();

    private final OpenAPI openApi;
    private final SchemaRegistry schemas;
    private final List<Template> templates;

    private record Template(String path, Pattern pattern) {
    }

    private OpenApiContract(String document) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
        if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()) {
            throw new AssertionError("The OpenAPI document is not valid: " + parsed.getMessages());
        }
        openApi = parsed.getOpenAPI();
        String closed = closeObjects(read(document)).toString();
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, closed)));
        // Literal paths win over templates (/users/import before /users/{id}), as in the router.
        templates = openApi.getPaths().keySet().stream()
                .sorted(Comparator.comparing((String p) -> p.contains("{")).thenComparing(Comparator.naturalOrder()))
                .map(p -> new Template(p, Pattern.compile(p.replaceAll("\\{[^}]+}", "[^/]+"))))
                .toList();
    }

    /** The contract of this document, read once per test run. */
    static OpenApiContract of(String document) {
        return BY_DOCUMENT.computeIfAbsent(document, OpenApiContract::new);
    }

    /** Fails, naming the request, the status and what is wrong, when the answer breaks the contract. */
    void check(String method, String target, int status, Optional<String> contentType, String body) {
        String path = URI.create(target).getRawPath(); // raw: an encoded slash stays inside its segment, as in the router
        String request = method + " " + path + " → " + status;
        List<String> problems = problems(method, path, status, contentType.orElse(""), body);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request + " breaks the OpenAPI document: "
                    + String.join("; ", problems) + "\nBody: " + abbreviate(body));
        }
    }

    private List<String> problems(String method, String path, int status, String contentType, String body) {
        if (status == 414 || status == 431) {
            // Jetty's own limits on the request line and headers, before any route: its JSON error.
            return validate("#/components/schemas/ApiError", contentType, body);
        }
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        Operation operation = template.map(t -> operation(openApi.getPaths().get(t.path()), method)).orElse(null);
        if (operation == null) {
            // Not a documented operation: the router (404, 405) or Jetty, before any route (400 for a request it
            // can't parse, 413 for oversized headers), answers with an error of its own.
            return status == 400 || status == 404 || status == 405 || status == 413
                    ? validate("#/components/schemas/ApiError", contentType, body)
                    : List.of("no documented operation answers " + method + " " + path);
        }
        ApiResponse response = Optional.ofNullable(operation.getResponses().get(String.valueOf(status)))
                .orElse(operation.getResponses().getDefault());
        if (response == null) {
            return List.of("status " + status + " is not documented; it lists " + operation.getResponses().keySet());
        }
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return body.isEmpty() ? List.of() : List.of("the document promises no body");
        }
        if (!response.getContent().containsKey("application/json")) {
            return List.of();
        }
        String listed = operation.getResponses().containsKey(String.valueOf(status)) ? String.valueOf(status) : "default";
        String pointer = "#/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT)
                + "/responses/" + listed + "/content/application~1json/schema";
        List<String> problems = new ArrayList<>(validate(pointer, contentType, body));
        if (problems.isEmpty() && response.getExtensions() != null
                && response.getExtensions().get("x-error-codes") instanceof List<?> codes) {
            String code = read(body).path("code").asText();
            if (!codes.contains(code)) {
                problems.add("error code " + code + " is not one this response lists " + codes);
            }
        }
        return problems;
    }

    private List<String> validate(String pointer, String contentType, String body) {
        if (!contentType.startsWith("application/json")) {
            return List.of("Content-Type is '" + contentType + "', not application/json");
        }
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer));
        return schema.validate(body, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Operation operation(PathItem item, String method) {
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
    }

    /** additionalProperties: false on every object schema that names its properties and says nothing else. */
    private static JsonNode closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("type").asText().equals("object") && object.path("properties").isObject()
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(OpenApiContract::closeObjects);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::closeObjects);
        }
        return node;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
