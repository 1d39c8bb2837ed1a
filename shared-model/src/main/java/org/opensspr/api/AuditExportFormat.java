package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** How {@code GET /api/v1/audit/export} writes the events it streams. */
public enum AuditExportFormat {
    /** JSON Lines: one event per line, as {@code GET /audit} lists it. */
    JSONL("jsonl", "application/x-ndjson"),
    /** CSV (RFC 4180) with a header row; a cell a spreadsheet would run as a formula starts with an apostrophe. */
    CSV("csv", "text/csv");

    private final String wire;
    private final String mediaType;

    AuditExportFormat(String wire, String mediaType) {
        this.wire = wire;
        this.mediaType = mediaType;
    }

    /** The format's name in the query string, which is also the file's extension. */
    @JsonValue
    public String wire() {
        return wire;
    }

    public String mediaType() {
        return mediaType;
    }
}
