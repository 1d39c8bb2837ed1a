package org.opensspr.server.http;

import java.util.List;

/**
 * A query parameter a route reads; routes declare them so the OpenAPI document can list them.
 *
 * @param values an enum's wire names, or empty for any value of the type
 */
public record QueryParam(String name, String type, String format, List<String> values, String description) {
    public QueryParam {
        values = List.copyOf(values);
    }

    public static QueryParam integer(String name, String description) {
        return new QueryParam(name, "integer", null, List.of(), description);
    }

    public static QueryParam text(String name, String description) {
        return new QueryParam(name, "string", null, List.of(), description);
    }

    public static QueryParam instant(String name, String description) {
        return new QueryParam(name, "string", "date-time", List.of(), description);
    }

    /** One of an enum's values, exactly as bodies carry them (read with {@link Request#queryEnum}). */
    public static QueryParam oneOf(String name, Class<? extends Enum<?>> type, String description) {
        return new QueryParam(name, "string", null, ApiEnums.wireNames(type), description);
    }

    /** The usual 0-based page and page size. */
    public static QueryParam[] paging() {
        return new QueryParam[] {integer("page", "0-based page number"), integer("size", "items per page")};
    }
}
