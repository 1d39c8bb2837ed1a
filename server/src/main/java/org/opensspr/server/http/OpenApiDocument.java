package org.opensspr.server.http;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3.1 document of the API, built from the same {@link ApiRoute} list the server
 * registers. Each operation has one response per status it can answer with: its success, and one
 * per error status, an {@link ApiError} whose codes that response lists in {@code x-error-codes}
 * (the operation's {@code x-error-codes} lists them all). The codes are an extension rather than an
 * enum in the schema because generators make a class of every inline schema: a copy of ApiError per
 * route and status.
 */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    public static Map<String, Object> of(List<ApiRoute<?>> routes, String version) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, Object> errorRef = schemas.schemaOf(ApiError.class);
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (ApiRoute<?> route : routes) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", route.summary());
            operation.put("operationId", operationId(route));
            operation.put("security", security(route.access()));
            operation.put("x-access", accessName(route.access()));
            List<Object> parameters = new java.util.ArrayList<>();
            pathParameters(route.path()).forEach(p -> parameters.add(Map.of("name", p, "in", "path",
                    "required", true, "schema", Map.of("type", "string"))));
            route.queryParams().forEach(q -> parameters.add(Map.of("name", q.name(), "in", "query", "required", false,
                    "description", q.description(), "schema", schema(q))));
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            if (route.bodyType() != null) {
                operation.put("requestBody", Map.of("required", true, "content",
                        Map.of("application/json", Map.of("schema", schemas.schemaOf(route.bodyType())))));
            } else if (route.bodyContentType() != null) {
                Map<String, Object> content = new LinkedHashMap<>();
                ApiRoute.mediaTypes(route.bodyContentType()).forEach(type -> content.put(type, Map.of("schema",
                        type.startsWith("text/") ? Map.of("type", "string") : Map.of("type", "string", "format", "binary"))));
                operation.put("requestBody", Map.of("required", true, "content", content));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            if (route.responseType() == null) {
                // A handler with nothing to return answers 204 where its route says 200 (ApiServerFactory).
                responses.put(String.valueOf(route.successStatus() == 200 ? 204 : route.successStatus()),
                        Map.of("description", "Done"));
            } else if (route.responseType() == StreamedResponse.class) {
                responses.put(String.valueOf(route.successStatus()), Map.of("description",
                        "A download, streamed; cut short (no final chunk) if the server fails midway", "content",
                        Map.of("application/x-ndjson", Map.of("schema", Map.of("type", "string")),
                                "text/csv", Map.of("schema", Map.of("type", "string")))));
            } else if (route.responseType() == BinaryResponse.class) {
                responses.put(String.valueOf(route.successStatus()), Map.of("description",
                        "The bytes, with their own Content-Type", "content", Map.of("application/octet-stream",
                                Map.of("schema", Map.of("type", "string", "format", "binary")))));
                responses.put("304", Map.of("description", "Not modified: the If-None-Match tag still matches"));
            } else {
                responses.put(String.valueOf(route.successStatus()), Map.of("description", "Success", "content",
                        Map.of("application/json", Map.of("schema", schemas.schemaOf(route.responseType())))));
            }
            route.allErrors().stream().collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new,
                            Collectors.mapping(ErrorCode::wire, Collectors.toList())))
                    .forEach((status, codes) -> responses.put(String.valueOf(status), errorResponse(errorRef, codes)));
            operation.put("responses", responses);
            operation.put("x-max-body-bytes", route.maxBodyBytes());
            operation.put("x-error-codes", route.allErrors().stream().map(ErrorCode::wire).sorted().toList());
            paths.computeIfAbsent("/api/v1" + openApiPath(route.path()), k -> new LinkedHashMap<>())
                    .put(route.method().name().toLowerCase(Locale.ROOT), operation);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "OpenSSPR API", "version", version,
                "description", "Self-service password reset: administration, kiosks and reset flows."));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", schemas.components(), "securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        return document;
    }

    /** An {@link ApiError} whose code is one of {@code codes}. */
    private static Map<String, Object> errorResponse(Map<String, Object> errorRef, List<String> codes) {
        return Map.of("description", String.join(", ", codes), "x-error-codes", codes, "content",
                Map.of("application/json", Map.of("schema", errorRef)));
    }

    /** Javalin writes path parameters as {id}, as OpenAPI does. */
    static String openApiPath(String path) {
        return path;
    }

    static List<String> pathParameters(String path) {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }

    private static List<Object> security(Access access) {
        return access instanceof Access.Public || access instanceof Access.SelfService
                ? List.of() : List.of(Map.of("bearer", List.of()));
    }

    private static String accessName(Access access) {
        return switch (access) {
            case Access.Public p -> "public";
            case Access.SelfService s -> "self-service";
            case Access.AnyAdmin a -> "admin";
            case Access.AdminWith a -> "admin:" + a.permission().name();
            case Access.KioskDevice k -> "kiosk";
        };
    }

    private static String operationId(ApiRoute<?> route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}\\-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static Map<String, Object> schema(QueryParam param) {
        Map<String, Object> schema = new LinkedHashMap<>(Map.of("type", param.type()));
        if (param.format() != null) {
            schema.put("format", param.format());
        }
        if (!param.values().isEmpty()) {
            schema.put("enum", param.values());
        }
        return schema;
    }
}
