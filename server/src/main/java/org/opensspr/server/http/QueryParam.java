package org.opensspr.server.http;

/** A query parameter a route reads; routes declare them so the OpenAPI document can list them. */
public record QueryParam(String name, String type, String format, String description) {

    public static QueryParam integer(String name, String description) {
        return new QueryParam(name, "integer", null, description);
    }

    public static QueryParam text(String name, String description) {
        return new QueryParam(name, "string", null, description);
    }

    public static QueryParam instant(String name, String description) {
        return new QueryParam(name, "string", "date-time", description);
    }

    /** The usual 0-based page and page size. */
    public static QueryParam[] paging() {
        return new QueryParam[] {integer("page", "0-based page number"), integer("size", "items per page")};
    }
}
